import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { countdown, type Phrase, useLang } from '../shared/i18n.js';
import { mayDecide, useNow } from './inbox.js';
import { useLiveData } from './live-changes.js';
import type { Me } from './sign-in.js';

/** The fields of a ticket the board shows (src/approvals/ticket.ts, with the list's `overdue`). */
export interface TicketItem {
  id: string;
  state: 'open' | 'in_progress' | 'waiting_customer' | 'resolved' | 'closed';
  kind: 'requires_process' | 'requires_supervisor';
  summary: string;
  product_name: string;
  customer_name: string;
  phone: string | null;
  first_response_due: string;
  first_response_at: string | null;
  due_at: string;
  assignee: string | null;
  overdue?: boolean;
  comments: Array<{ at: string; by: string; text: string }>;
}

const COLUMNS: Array<[TicketItem['state'], Phrase]> = [
  ['open', { zh: '待处理', en: 'Open' }],
  ['in_progress', { zh: '处理中', en: 'In progress' }],
  ['waiting_customer', { zh: '等待客户', en: 'Waiting for the customer' }],
  ['resolved', { zh: '已解决', en: 'Resolved' }],
];

/** What each state lets a person do next (the ticket operations refuse anything else). */
const MOVES: Record<TicketItem['state'], Array<[string, Phrase, 'agent' | 'supervisor']>> = {
  open: [['start', { zh: '开始处理', en: 'Start' }, 'agent']],
  in_progress: [
    ['wait', { zh: '等待客户', en: 'Wait for the customer' }, 'agent'],
    ['resolve', { zh: '解决', en: 'Resolve' }, 'supervisor'],
  ],
  waiting_customer: [
    ['start', { zh: '继续处理', en: 'Resume' }, 'agent'],
    ['resolve', { zh: '解决', en: 'Resolve' }, 'supervisor'],
  ],
  resolved: [
    ['close', { zh: '关闭', en: 'Close' }, 'supervisor'],
    ['reopen', { zh: '重新打开', en: 'Reopen' }, 'supervisor'],
  ],
  closed: [],
};

/**
 * The tickets board: open tickets by state with their SLA clocks (first response, resolution),
 * refetched when the server says tickets changed; assign, comment, and the moves the role allows.
 */
export function Tickets(props: { me: Me }) {
  const { t } = useLang();
  const { data, error, load } = useLiveData<{ items: TicketItem[] }>(
    '/api/tickets',
    (c) => c.what === 'tickets',
  );
  const items = data?.items;
  const now = useNow();

  return html`
    <section class="tickets">
      <h2>${t({ zh: '工单', en: 'Tickets' })} <span class="muted count">${items ? items.length : ''}</span></h2>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <div class="board">
        ${COLUMNS.map(
          ([state, title]) => html`<div class="column" data-state=${state}>
            <h3>${t(title)}</h3>
            <ul class="cards">
              ${(items ?? [])
                .filter((i) => i.state === state)
                .map(
                  (i) =>
                    html`<${TicketCard} key=${i.id} item=${i} me=${props.me} now=${now} onChanged=${load} />`,
                )}
            </ul>
          </div>`,
        )}
      </div>
    </section>
  `;
}

function TicketCard(props: { item: TicketItem; me: Me; now: number; onChanged: () => void }) {
  const { t, lang } = useLang();
  const { item } = props;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const resolution = countdown(Date.parse(item.due_at), props.now, lang);
  const firstResponse = item.first_response_at
    ? undefined
    : countdown(Date.parse(item.first_response_due), props.now, lang);

  async function act(action: string, body: Record<string, string> = {}) {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/tickets/${encodeURIComponent(item.id)}/${action}`, { body });
      setText('');
      props.onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const allowed = (role: 'agent' | 'supervisor') => role === 'agent' || mayDecide(props.me);
  return html`
    <li class=${`card ticket${item.overdue || resolution.overdue ? ' overdue' : ''}`} data-ticket-id=${item.id}>
      <header><strong>${item.summary}</strong> <code class="muted">${item.id}</code></header>
      <p class="muted">${item.customer_name}${item.phone ? ` · ${item.phone}` : ''} · ${item.product_name}</p>
      ${firstResponse ? html`<p class=${firstResponse.overdue ? 'error' : 'clock'}>${t({ zh: '首次响应', en: 'First response' })}: ${firstResponse.text}</p>` : null}
      <p class=${resolution.overdue ? 'error' : 'clock'}>${t({ zh: '解决时限', en: 'Resolution' })}: ${resolution.text}</p>
      <p>${t({ zh: '负责人', en: 'Assignee' })}: ${item.assignee ?? t({ zh: '未分配', en: 'nobody' })}
        ${item.assignee === props.me.name ? null : html` <button class="assign" disabled=${busy} onClick=${() => act('assign', { to: props.me.name })}>${t({ zh: '分配给我', en: 'Assign to me' })}</button>`}</p>
      ${item.comments.length > 0 ? html`<ul class="comments">${item.comments.map((c) => html`<li><span class="muted">${c.by}:</span> ${c.text}</li>`)}</ul>` : null}
      <div class="decide">
        <input class="text" placeholder=${t({ zh: '备注或处理结果', en: 'Comment or resolution' })} value=${text} onInput=${(e: Event) => setText((e.target as HTMLInputElement).value)} />
        <button class="comment" disabled=${busy} onClick=${() => act('comment', { text })}>${t({ zh: '备注', en: 'Comment' })}</button>
        ${MOVES[item.state]
          .filter(([, , role]) => allowed(role))
          .map(
            ([action, label]) =>
              html`<button class=${`move ${action}`} disabled=${busy} onClick=${() => act(action, action === 'resolve' ? { text } : {})}>${t(label)}</button>`,
          )}
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    </li>
  `;
}
