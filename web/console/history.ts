import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import type { CallEvent, SessionRecord } from '../../src/domain/session-schemas.js';
import { renderReviewBlock } from '../../src/render/call-blocks.js';
import { api } from '../shared/api.js';
import { type Phrase, useLang } from '../shared/i18n.js';
import { Transcript } from './call-transcript.js';

/** One saved call as `GET /api/history` lists it. */
interface SessionEntry {
  session_id: string;
  timestamp: string;
  customer: string;
  product: string;
  operator: string;
  resolution_status?: string;
  corrupt?: string;
}

const STATUSES: Array<[string, Phrase]> = [
  ['', { zh: '全部', en: 'Any' }],
  ['resolved', { zh: '已解决', en: 'Resolved' }],
  ['partially_resolved', { zh: '部分解决', en: 'Partly resolved' }],
  ['unresolved', { zh: '未解决', en: 'Unresolved' }],
  ['interrupted', { zh: '通话中断', en: 'Interrupted' }],
];

/** Saved calls, searched by customer (part of the name or phone), product, status and day. */
export function History(props: { onOpen: (id: string) => void }) {
  const { t } = useLang();
  const [filters, setFilters] = useState({ customer: '', product: '', status: '', date: '' });
  const [items, setItems] = useState<SessionEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function search(e?: Event) {
    e?.preventDefault();
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim() !== ''));
    try {
      setItems((await api<{ items: SessionEntry[] }>(`/api/history?${query}`)).items.slice().reverse());
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  useEffect(() => {
    void search();
  }, []);
  const field = (key: keyof typeof filters) => (e: Event) =>
    setFilters({ ...filters, [key]: (e.target as HTMLInputElement).value });

  return html`
    <section class="history">
      <h2>${t({ zh: '通话记录', en: 'History' })}</h2>
      <form class="filters" onSubmit=${search}>
        <input name="customer" placeholder=${t({ zh: '客户姓名或电话', en: 'Customer name or phone' })} value=${filters.customer} onInput=${field('customer')} />
        <input name="product" placeholder=${t({ zh: '产品', en: 'Product' })} value=${filters.product} onInput=${field('product')} />
        <select name="status" value=${filters.status} onChange=${field('status')}>
          ${STATUSES.map(([v, label]) => html`<option value=${v}>${t(label)}</option>`)}
        </select>
        <input name="date" type="date" value=${filters.date} onInput=${field('date')} />
        <button class="primary" type="submit">${t({ zh: '搜索', en: 'Search' })}</button>
      </form>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${items?.length === 0 ? html`<p class="muted empty">${t({ zh: '没有找到通话', en: 'No saved calls found' })}</p>` : null}
      <table class="calls sessions">
        <tbody>
          ${(items ?? []).map(
            (s) => html`<tr key=${s.session_id} data-session-id=${s.session_id}>
              <td><a href=${`#/history/${encodeURIComponent(s.session_id)}`} onClick=${(e: Event) => {
                e.preventDefault();
                props.onOpen(s.session_id);
              }}>${s.session_id}</a></td>
              <td>${s.timestamp.slice(0, 16).replace('T', ' ')}</td>
              <td>${s.customer}</td>
              <td>${s.product}</td>
              <td>${s.corrupt ? html`<span class="error">${s.corrupt}</span>` : (s.resolution_status ?? '')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>
  `;
}

/**
 * A saved call as events, so it reads like a live one: the start block, the conversation with
 * each turn's queries, checks and tickets after the customer's line that caused them (`turn` is
 * the 0-based customer turn, -1 before the first), then the notifications sent since.
 */
export function sessionEvents(s: SessionRecord): CallEvent[] {
  const events: CallEvent[] = [
    {
      type: 'session_started',
      product: { id: s.product_id ?? '', name: s.product },
      operator: { id: s.operator_id ?? '', name: s.operator },
      customer: {
        id: s.customer_id ?? '',
        name: s.customer,
        phone: s.customer_phone ?? '',
        cold_start: false,
      },
      language: s.language ?? 'zh',
    },
  ];
  const turns = s.conversation.filter((l) => l.role === 'customer').length;
  // Records without a turn, or past the last line, still belong to the call: shown at its end.
  const at = (turn: number | undefined, t: number) =>
    t === turns ? turn === undefined || turn >= turns : turn === t;
  const after = (t: number) => {
    for (const { turn, at: _, ...q } of s.system_queries ?? [])
      if (at(turn, t)) events.push({ type: 'system_query', ...q });
    for (const { turn, at: _, ...c } of s.permission_checks ?? [])
      if (at(turn, t)) events.push({ type: 'permission_check', ...c });
    for (const { turn, at: _, status: __, ...k } of s.tickets ?? [])
      if (at(turn, t)) events.push({ type: 'ticket', ...k });
  };
  let turn = -1;
  after(turn);
  for (const line of s.conversation) {
    events.push({ type: line.role, content: line.content });
    if (line.role === 'customer') {
      turn += 1;
      after(turn);
    }
  }
  after(turns);
  for (const n of s.notifications ?? [])
    events.push({ type: 'notification', approval_id: n.approval_id, content: n.content });
  return events;
}

/** One saved call: its transcript with the blocks, and its review. */
export function SessionView(props: { id: string; onBack: () => void }) {
  const { t, lang } = useLang();
  const [session, setSession] = useState<SessionRecord | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api<SessionRecord>(`/api/history/${encodeURIComponent(props.id)}`)
      .then(setSession)
      .catch((err: Error) => setError(err.message));
  }, [props.id]);
  const language = session?.language ?? lang;
  return html`
    <section class="session">
      <p><a href="#/history" onClick=${(e: Event) => {
        e.preventDefault();
        props.onBack();
      }}>← ${t({ zh: '通话记录', en: 'History' })}</a></p>
      <h2>${t({ zh: '通话', en: 'Call' })} <code>${props.id}</code></h2>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${
        session
          ? html`<p class="muted">${session.customer} · ${session.customer_phone ?? ''} · ${session.product} · ${session.timestamp}</p>
            <${Transcript} events=${sessionEvents(session)} lang=${language} />
            <pre class="card review">${renderReviewBlock(session.review, language)}</pre>`
          : null
      }
    </section>
  `;
}
