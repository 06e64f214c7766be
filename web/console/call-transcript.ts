import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import type { CallEvent } from '../../src/domain/session-schemas.js';
import { type EventTone, renderCallEvent } from '../../src/render/call-event.js';
import { api } from '../shared/api.js';
import type { Lang } from '../shared/i18n.js';

/** One block of a transcript as shown: its text (shown as text, never as HTML) and its tone. */
export interface ShownBlock {
  text: string;
  tone: EventTone | 'notification' | 'action';
  /** A reply typed by a person who took the call over. */
  by?: string;
}

/**
 * A call's events as the seed's blocks, with the same words `cs call` prints (系统查询,
 * 权限检查, the ticket line …), from src/render: the console and the terminal cannot disagree.
 * Events the terminal does not show but a person watching wants (a delivered notification, an
 * action carried out) get a line of their own.
 */
export function transcriptBlocks(events: CallEvent[], lang: Lang, sla = ''): ShownBlock[] {
  const started = events.find((e) => e.type === 'session_started');
  const view = {
    language: started?.language ?? lang,
    phone: started?.customer.phone ?? '',
    sla,
  };
  const blocks: ShownBlock[] = [];
  for (const event of events) {
    if (event.type === 'session_started') view.language = event.language;
    if (event.type === 'notification') {
      blocks.push({
        text: `${lang === 'zh' ? '通知' : 'Notification'}: ${event.content}`,
        tone: 'notification',
      });
      continue;
    }
    if (event.type === 'action') {
      blocks.push({
        text: `${lang === 'zh' ? '已执行' : 'Carried out'}: ${event.description || event.action}`,
        tone: 'action',
      });
      continue;
    }
    const shown = renderCallEvent(event, view);
    if (!shown) continue;
    const by = (event as { by?: unknown }).by;
    blocks.push({ ...shown, ...(event.type === 'agent' && typeof by === 'string' ? { by } : {}) });
  }
  return blocks;
}

/** Products' SLA texts, read once per page: the 流程 line of a permission block quotes them. */
const slaOfProduct = new Map<string, Promise<string>>();

function productSla(id: string): Promise<string> {
  let sla = slaOfProduct.get(id);
  if (sla === undefined) {
    sla = api<{ sla?: unknown }>(`/api/records/product/${encodeURIComponent(id)}`).then(
      (p) => (typeof p.sla === 'string' ? p.sla : ''),
      // Unreadable (deleted since): the blocks fall back to the default times.
      () => '',
    );
    slaOfProduct.set(id, sla);
  }
  return sla;
}

/** The transcript: one preformatted block per event, the permission blocks with the product's SLA. */
export function Transcript(props: { events: CallEvent[]; lang: Lang }) {
  const started = props.events.find((e) => e.type === 'session_started');
  const productId = started?.product.id ?? '';
  const [sla, setSla] = useState('');
  useEffect(() => {
    if (productId) void productSla(productId).then(setSla);
  }, [productId]);
  return html`
    <ol class="transcript">
      ${transcriptBlocks(props.events, props.lang, sla).map(
        (b) => html`<li class=${`block tone-${b.tone}`}>
          ${b.by ? html`<span class="by">${b.by}</span>` : null}
          <pre>${b.text}</pre>
        </li>`,
      )}
    </ol>
  `;
}
