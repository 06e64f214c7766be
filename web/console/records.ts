import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { type Phrase, useLang } from '../shared/i18n.js';
import { useLiveData } from './live-changes.js';
import type { Me } from './sign-in.js';

type RecordType = 'product' | 'customer' | 'operator';

/** One row of `GET /api/records/:type`. */
interface Summary {
  id: string;
  name: string;
  phone?: string;
  corrupt?: string;
}

const TYPES: Array<[RecordType, Phrase]> = [
  ['product', { zh: '产品', en: 'Products' }],
  ['customer', { zh: '客户', en: 'Customers' }],
  ['operator', { zh: '策略', en: 'Operators' }],
];

/** The fields a person edits: everything but the metadata (`_id`, `_type` …), which the store keeps. */
function editable(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('_')));
}

/** The top-level fields that differ: `update_record` merges them and validates the result. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
  );
}

/**
 * Products, customers and operators: a list per type and one record's fields. An admin edits a
 * record as JSON; the server validates it as `cs update` does and its one-line error is shown.
 */
export function Records(props: { me: Me }) {
  const { t } = useLang();
  const [type, setType] = useState<RecordType>('product');
  const [open, setOpen] = useState<string | undefined>();
  const { data, error, load } = useLiveData<{ items: Summary[] }>(`/api/records/${type}`);
  const rows = data?.items;
  // Another type of record: the one open was of the last.
  useEffect(() => setOpen(undefined), [type]);

  return html`
    <section class="records">
      <h2>${t({ zh: '记录', en: 'Records' })}</h2>
      <div class="record-types" role="group">
        ${TYPES.map(
          ([v, label]) =>
            html`<button type="button" class=${`type-${v}`} aria-pressed=${type === v} onClick=${() => setType(v)}>${t(label)}</button>`,
        )}
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <div class="record-split">
        <ul class="record-list">
          ${(rows ?? []).map(
            (r) => html`<li key=${r.id} data-record-id=${r.id} class=${open === r.id ? 'active' : ''}>
              <a href="#/records" onClick=${(e: Event) => {
                e.preventDefault();
                setOpen(r.id);
              }}>${r.name}</a>
              <span class="muted"> ${r.phone ?? ''} ${r.id}</span>
              ${r.corrupt ? html`<span class="error"> ${r.corrupt}</span>` : null}
            </li>`,
          )}
        </ul>
        ${open ? html`<${RecordView} key=${`${type}/${open}`} type=${type} id=${open} me=${props.me} onSaved=${load} />` : null}
      </div>
    </section>
  `;
}

function RecordView(props: { type: RecordType; id: string; me: Me; onSaved: () => void }) {
  const { t } = useLang();
  const [record, setRecord] = useState<Record<string, unknown> | undefined>();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const path = `/api/records/${props.type}/${encodeURIComponent(props.id)}`;
  useEffect(() => {
    api<Record<string, unknown>>(path)
      .then((r) => {
        setRecord(r);
        setDraft(JSON.stringify(editable(r), null, 2));
      })
      .catch((err: Error) => setError(err.message));
  }, [path]);

  async function save(e: Event) {
    e.preventDefault();
    if (!record) return;
    setError(undefined);
    setSaved(false);
    let after: unknown;
    try {
      after = JSON.parse(draft);
    } catch {
      setError(t({ zh: '不是有效的 JSON', en: 'This is not valid JSON' }));
      return;
    }
    if (!after || typeof after !== 'object' || Array.isArray(after)) {
      setError(t({ zh: '记录应为一个 JSON 对象', en: 'A record is one JSON object' }));
      return;
    }
    const updates = changedFields(editable(record), after as Record<string, unknown>);
    if (Object.keys(updates).length === 0) return;
    try {
      const updated = await api<Record<string, unknown>>(path, { method: 'PATCH', body: { updates } });
      setRecord(updated);
      setDraft(JSON.stringify(editable(updated), null, 2));
      setSaved(true);
      props.onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  if (!record)
    return html`<div class="record card">${error ? html`<p class="error" role="alert">${error}</p>` : null}</div>`;
  const admin = props.me.role === 'admin';
  return html`
    <form class="record card" onSubmit=${save}>
      <h3>${String(record.name ?? props.id)}</h3>
      <textarea name="record" rows="18" spellcheck="false" readOnly=${!admin} value=${draft} onInput=${(e: Event) => setDraft((e.target as HTMLTextAreaElement).value)}></textarea>
      ${admin ? html`<button class="primary save" type="submit">${t({ zh: '保存', en: 'Save' })}</button>` : html`<p class="muted">${t({ zh: '只有管理员可以编辑记录', en: 'Only an admin edits records' })}</p>`}
      ${saved ? html`<p class="saved">${t({ zh: '已保存', en: 'Saved' })}</p>` : null}
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    </form>
  `;
}
