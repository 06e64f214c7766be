import { permissionLabel } from '../domain/permission-labels.js';
import type { SessionRecord } from '../domain/session-schemas.js';
import { fieldLabel, inlineJson, inlineText } from './render-record-readme.js';

/**
 * Renders a saved session as the README.md beside its session.json, in the earlier
 * implementation's style: header lines, the conversation with **客户** / **客服** speakers
 * (Customer / Agent for English calls), then the review with one `### Label` section per field.
 * What this system adds (system queries, permission checks, tickets, guard decisions) follows
 * in sections of its own, only when there is something to show. Non-text review values are
 * inline JSON where the earlier implementation printed Python reprs (`False`, `{'k': 'v'}`).
 *
 * @example renderSessionReadme(session).startsWith('# Customer Service Session: ')
 */
export function renderSessionReadme(session: SessionRecord): string {
  const en = session.language === 'en';
  const speaker = (role: string) =>
    role === 'customer' ? (en ? 'Customer' : '客户') : role === 'agent' ? (en ? 'Agent' : '客服') : role;

  let out = `# Customer Service Session: ${session.session_id}\n\n`;
  out += `**Date**: ${inlineText(session.timestamp)}\n\n`;
  out += `**Product**: ${inlineText(session.product)}\n\n`;
  out += `**Customer**: ${inlineText(session.customer)}\n\n`;
  out += `**Operator/Strategy**: ${inlineText(session.operator)}\n\n`;

  out += '## Conversation\n\n';
  for (const turn of session.conversation ?? []) {
    out += `**${speaker(turn.role)}**: ${inlineText(turn.content)}\n\n`;
  }
  out += '---\n\n';

  out += '## Review\n\n';
  for (const [key, value] of Object.entries(session.review ?? {})) {
    out += `### ${fieldLabel(key)}\n\n`;
    if (Array.isArray(value)) {
      for (const item of value) out += `- ${inlineText(item)}\n`;
      out += '\n';
    } else {
      out += `${inlineText(value)}\n\n`;
    }
  }

  const queries = session.system_queries ?? [];
  if (queries.length > 0) {
    out += '## System Queries\n\n';
    for (const q of queries) {
      const source = q.mock ? 'mock' : 'live';
      const result = q.ok ? inlineJson(q.response ?? null) : `error: ${q.error ?? 'unknown'}`;
      out += `- ${q.method} ${q.endpoint} (${q.interface}, ${source}) — ${q.purpose}: ${result}\n`;
    }
    out += '\n';
  }
  const checks = session.permission_checks ?? [];
  if (checks.length > 0) {
    out += '## Permission Checks\n\n';
    for (const c of checks) {
      const rule = c.rule === null ? '' : ` (${c.rule})`;
      out += `- ${c.action}: ${permissionLabel(c.status, 'zh')}${rule} — ${c.reason}\n`;
    }
    out += '\n';
  }
  const tickets = session.tickets ?? [];
  if (tickets.length > 0) {
    out += '## Tickets\n\n';
    for (const t of tickets) out += `- ${t.id} [${t.kind}]: ${t.summary}\n`;
    out += '\n';
  }
  const guards = session.guard_decisions ?? [];
  if (guards.length > 0) {
    out += '## Guard Decisions\n\n';
    for (const g of guards) out += `- ${g.rule}: ${g.outcome} — ${g.detail}\n`;
    out += '\n';
  }
  return out;
}
