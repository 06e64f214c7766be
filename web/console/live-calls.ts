import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import type { CallEvent } from '../../src/domain/session-schemas.js';
import { api } from '../shared/api.js';
import { type Phrase, useLang } from '../shared/i18n.js';
import { Transcript } from './call-transcript.js';
import { useLiveData } from './live-changes.js';
import type { Me } from './sign-in.js';

/** One live call as `GET /api/calls` lists it. */
export interface LiveCall {
  call_id: string;
  customer: string;
  phone: string;
  product: string;
  state: 'agent' | 'waiting_human' | 'human';
  by?: string;
  updated_at: string;
}

/** One call as `GET /api/calls/:id` shows it. */
export interface CallDetail {
  call_id: string;
  state: LiveCall['state'];
  by?: string;
  events: CallEvent[];
}

const STATE_WORDS: Record<LiveCall['state'], Phrase> = {
  agent: { zh: 'AI 客服接待中', en: 'Agent answering' },
  waiting_human: { zh: '等待人工', en: 'Waiting for a person' },
  human: { zh: '人工接待中', en: 'A person has it' },
};

function stateText(state: LiveCall['state'], by: string | undefined, t: (p: Phrase) => string): string {
  const words = t(STATE_WORDS[state] ?? { zh: state, en: state });
  return state === 'human' && by ? `${words} · ${by}` : words;
}

/** The calls in progress, refetched when the server says calls changed; a click opens one. */
export function LiveCalls(props: { onOpen: (callId: string) => void }) {
  const { t } = useLang();
  const { data, error } = useLiveData<{ items: LiveCall[] }>('/api/calls', (c) => c.what === 'calls');
  const items = data?.items;

  return html`
    <section class="live-calls">
      <h2>${t({ zh: '进行中的通话', en: 'Live calls' })} <span class="muted count">${items ? items.length : ''}</span></h2>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${items?.length === 0 ? html`<p class="muted empty">${t({ zh: '当前没有通话', en: 'No calls in progress' })}</p>` : null}
      <table class="calls">
        <tbody>
          ${(items ?? []).map(
            (c) => html`<tr key=${c.call_id} class=${`call state-${c.state}`} data-call-id=${c.call_id}>
              <td><a href=${`#/calls/${encodeURIComponent(c.call_id)}`} onClick=${(e: Event) => {
                e.preventDefault();
                props.onOpen(c.call_id);
              }}>${c.customer}</a></td>
              <td>${c.phone}</td>
              <td>${c.product}</td>
              <td class=${c.state === 'waiting_human' ? 'error' : ''}>${stateText(c.state, c.by, t)}</td>
              <td class="muted">${new Date(c.updated_at).toLocaleTimeString()}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>
  `;
}

/**
 * One live call: its transcript with the seed's blocks, and take over / reply / hand back. A
 * person's reply goes through the same guard as the agent's: a refused one shows why.
 */
export function LiveCallView(props: { callId: string; me: Me; onBack: () => void }) {
  const { t, lang } = useLang();
  const [reply, setReply] = useState('');
  const [refused, setRefused] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `/api/calls/${encodeURIComponent(props.callId)}`;

  const {
    data: call,
    error,
    setError,
    load,
  } = useLiveData<CallDetail>(
    path,
    (c) => c.what === 'calls' && (c.call_id === undefined || c.call_id === props.callId),
  );

  async function act(action: 'take-over' | 'hand-back') {
    setBusy(true);
    setError(undefined);
    try {
      await api(`${path}/${action}`, { body: {} });
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function send(e: Event) {
    e.preventDefault();
    if (!reply.trim()) return;
    setBusy(true);
    setError(undefined);
    setRefused(undefined);
    try {
      const r = await api<{ sent: boolean; refused?: string }>(`${path}/reply`, { body: { content: reply } });
      if (r.sent) setReply('');
      else setRefused(r.refused ?? t({ zh: '回复未通过检查', en: 'The reply was not allowed' }));
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const mine = call?.state === 'human' && call.by === props.me.name;
  return html`
    <section class="live-call">
      <p><a href="#/calls" onClick=${(e: Event) => {
        e.preventDefault();
        props.onBack();
      }}>← ${t({ zh: '全部通话', en: 'All calls' })}</a></p>
      <h2>${t({ zh: '通话', en: 'Call' })} <code>${props.callId}</code></h2>
      ${call ? html`<p class="call-state">${stateText(call.state, call.by, t)}</p>` : null}
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${call ? html`<${Transcript} events=${call.events} lang=${lang} />` : null}
      ${
        call
          ? html`<div class="take-over">
              ${mine ? null : html`<button class="primary take" disabled=${busy || (call.state === 'human' && call.by !== undefined)} onClick=${() => act('take-over')}>${t({ zh: '接管通话', en: 'Take over' })}</button>`}
              ${mine ? html`<button class="hand-back" disabled=${busy} onClick=${() => act('hand-back')}>${t({ zh: '交还 AI 客服', en: 'Hand back' })}</button>` : null}
            </div>`
          : null
      }
      ${
        mine
          ? html`<form class="reply" onSubmit=${send}>
              <textarea name="reply" rows="2" placeholder=${t({ zh: '输入回复…', en: 'Type a reply…' })} value=${reply} onInput=${(e: Event) => setReply((e.target as HTMLTextAreaElement).value)}></textarea>
              <button class="primary send" type="submit" disabled=${busy || !reply.trim()}>${t({ zh: '发送', en: 'Send' })}</button>
            </form>`
          : null
      }
      ${refused ? html`<p class="error refused" role="alert">${refused}</p>` : null}
    </section>
  `;
}
