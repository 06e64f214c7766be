import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { countdown, useLang } from '../shared/i18n.js';
import { useLiveData } from './live-changes.js';
import type { Me } from './sign-in.js';

/** The fields of an approval request the inbox shows (src/domain/approval-request.ts). */
export interface ApprovalItem {
  id: string;
  state: string;
  created_at: string;
  due_at: string;
  product_name: string;
  customer_name: string;
  phone: string;
  action: string;
  amount: { value: number; unit: string } | null;
  rule: string | null;
  reason: string;
  facts: Array<{ interface: string; endpoint: string; at: string; response: unknown }>;
  raised_by: string;
}

/** The roles that decide approvals. */
export function mayDecide(me: Me): boolean {
  return me.role === 'supervisor' || me.role === 'admin';
}

/** A clock that ticks every second, for the countdowns. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The supervisor inbox: pending approval requests, refetched whenever the server says approvals
 * changed, each with its caller, action, rule, verified facts and due time counting down.
 */
export function Inbox(props: { me: Me }) {
  const { t } = useLang();
  const now = useNow();

  const { data, error, load } = useLiveData<{ items: ApprovalItem[] }>(
    '/api/approvals?state=pending',
    (c) => c.what === 'approvals',
  );
  const items = data?.items;

  return html`
    <section class="inbox">
      <h2>${t({ zh: '待审批', en: 'Inbox' })} <span class="muted count">${items ? items.length : ''}</span></h2>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${items?.length === 0 ? html`<p class="muted empty">${t({ zh: '没有待审批的请求', en: 'No pending approvals' })}</p>` : null}
      <ul class="cards">
        ${(items ?? []).map((item) => html`<${ApprovalCard} key=${item.id} item=${item} me=${props.me} now=${now} onDecided=${load} />`)}
      </ul>
    </section>
  `;
}

function ApprovalCard(props: { item: ApprovalItem; me: Me; now: number; onDecided: () => void }) {
  const { t, lang } = useLang();
  const { item } = props;
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const due = countdown(Date.parse(item.due_at), props.now, lang);

  async function decide(decision: 'approve' | 'reject') {
    if (decision === 'reject' && !reason.trim()) {
      setError(t({ zh: '驳回需要填写理由', en: 'Say why it is rejected' }));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const body = decision === 'approve' ? (note.trim() ? { note } : {}) : { reason };
      await api(`/api/approvals/${encodeURIComponent(item.id)}/${decision}`, { body });
      props.onDecided();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return html`
    <li class=${`card approval${due.overdue ? ' overdue' : ''}`} data-approval-id=${item.id}>
      <header>
        <strong class="action">${item.action}</strong>
        <span class=${`due${due.overdue ? ' error' : ''}`} title=${item.due_at}>${due.text}</span>
      </header>
      <dl>
        <dt>${t({ zh: '来电客户', en: 'Caller' })}</dt>
        <dd class="caller">${item.customer_name} · ${item.phone}</dd>
        <dt>${t({ zh: '产品', en: 'Product' })}</dt>
        <dd>${item.product_name}</dd>
        <dt>${t({ zh: '规则', en: 'Rule' })}</dt>
        <dd>${item.rule ?? t({ zh: '无', en: 'none' })} — ${item.reason}</dd>
        <dt>${t({ zh: '已核实', en: 'Verified' })}</dt>
        <dd>
          ${item.facts.length === 0 ? t({ zh: '无', en: 'none' }) : null}
          ${item.facts.map(
            (f) => html`<details class="fact">
              <summary>${f.interface} ${f.endpoint}</summary>
              <pre>${JSON.stringify(f.response, null, 2)}</pre>
            </details>`,
          )}
        </dd>
        <dt>${t({ zh: '发起', en: 'Raised' })}</dt>
        <dd class="muted">${item.raised_by} · ${new Date(item.created_at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</dd>
      </dl>
      ${
        mayDecide(props.me)
          ? html`<div class="decide">
              <input class="note" placeholder=${t({ zh: '备注（可选）', en: 'Note (optional)' })} value=${note} onInput=${(e: Event) => setNote((e.target as HTMLInputElement).value)} />
              <button class="primary approve" disabled=${busy} onClick=${() => decide('approve')}>${t({ zh: '批准', en: 'Approve' })}</button>
              <input class="reason" placeholder=${t({ zh: '驳回理由（必填）', en: 'Reason to reject (required)' })} value=${reason} onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)} />
              <button class="danger reject" disabled=${busy} onClick=${() => decide('reject')}>${t({ zh: '驳回', en: 'Reject' })}</button>
            </div>`
          : html`<p class="muted">${t({ zh: '只有主管可以审批', en: 'Only a supervisor decides' })}</p>`
      }
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    </li>
  `;
}
