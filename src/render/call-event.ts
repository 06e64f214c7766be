import type { Language } from '../domain/language.js';
import type { CallEvent } from '../domain/session-schemas.js';
import {
  renderCallEndBlock,
  renderCallStartBlock,
  renderReviewBlock,
  renderTicketLine,
} from './call-blocks.js';
import { escapeControlChars } from './escape-control-chars.js';
import { renderPermissionBlock } from './permission-block.js';
import { renderSystemQueryBlock } from './system-query-block.js';

/** How a rendered event is shown where colour exists (a terminal, an HTML report). */
export type EventTone = 'bold' | 'plain' | 'agent' | 'query' | 'approved' | 'refused' | 'pending' | 'guard';

/** What the blocks need to know about the call they belong to. */
export interface CallView {
  /** The call's language now (it follows the caller). */
  language: Language;
  /** The caller's phone, for the system-query block. */
  phone: string;
  /** The product's SLA text, for the permission block. */
  sla: string;
}

/**
 * One event of a call as the seed's blocks show it (start block, `客服:` lines, 系统查询,
 * 权限检查, ticket line, review ...), or undefined for events people do not read (`grant`).
 * `cs call` prints these; `cs eval` puts them in its reports.
 */
export function renderCallEvent(
  event: CallEvent,
  call: CallView,
): { text: string; tone: EventTone } | undefined {
  const lang = call.language;
  switch (event.type) {
    case 'session_started':
      return { text: renderCallStartBlock(event, lang), tone: 'bold' };
    case 'customer':
      return {
        text: `${lang === 'en' ? 'Customer' : '客户'}: ${escapeControlChars(event.content)}`,
        tone: 'plain',
      };
    case 'agent':
      return {
        text: `${lang === 'en' ? 'Agent' : '客服'}: ${escapeControlChars(event.content, { multiline: true })}`,
        tone: 'agent',
      };
    case 'system_query':
      return { text: renderSystemQueryBlock(event, { lang, phone: call.phone }), tone: 'query' };
    case 'permission_check':
      return {
        text: renderPermissionBlock(
          { action: event.action, status: event.status, rule: event.rule, reason: event.reason, parts: [] },
          { lang, sla: call.sla },
        ),
        tone:
          event.status === 'can_approve_immediately'
            ? 'approved'
            : event.status === 'forbidden'
              ? 'refused'
              : 'pending',
      };
    case 'ticket':
      return { text: renderTicketLine(event, lang), tone: 'pending' };
    case 'guard':
      return event.outcome === 'pass'
        ? undefined
        : {
            text: escapeControlChars(`[guard] ${event.rule}: ${event.outcome} (${event.detail})`),
            tone: 'guard',
          };
    case 'session_ended':
      return { text: `${renderCallEndBlock(lang)}\n${renderReviewBlock(event.review, lang)}`, tone: 'plain' };
    case 'session_saved':
      return {
        text: escapeControlChars(lang === 'en' ? `Saved: ${event.path}` : `已保存: ${event.path}`),
        tone: 'plain',
      };
    default:
      return undefined;
  }
}
