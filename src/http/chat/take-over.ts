import { customersNamedIn } from '../../call/customers-named-in.js';
import {
  type LiveCallState,
  listLiveSessions,
  liveCallState,
  readLiveSession,
  setLiveCallState,
  withLiveSession,
} from '../../call/live-session.js';
import { CsError } from '../../domain/cs-error.js';
import type { CallEvent } from '../../domain/session-schemas.js';
import { guardAgentTurn } from '../../guard/guard-agent-turn.js';
import type { GuardVerdict } from '../../guard/reply-guard.js';
import { callEvents } from './call-events.js';
import type { ChatDeps } from './chat-service.js';

/** One row of the live-calls list. */
export interface LiveCallRow {
  call_id: string;
  customer: string;
  phone: string;
  product: string;
  state: LiveCallState;
  /** The person who took it over. */
  by?: string;
  updated_at: string;
}

/** The calls in progress (chats and `cs session` calls alike), oldest first, with who answers each. */
export async function liveCalls(deps: ChatDeps): Promise<LiveCallRow[]> {
  const rows = await listLiveSessions(deps.store, deps.clock ? { clock: deps.clock } : {});
  return rows.map((r) => ({
    call_id: r.call_id,
    customer: r.customer,
    phone: r.phone,
    product: r.product,
    state: r.state,
    ...(r.by === undefined ? {} : { by: r.by }),
    updated_at: r.updated_at,
  }));
}

/** A live call as the console shows it: who answers it and its record as JSONL events (DESIGN.md). */
export async function callView(
  deps: ChatDeps,
  callId: string,
): Promise<{ call_id: string; state: LiveCallState; by?: string; events: CallEvent[] }> {
  const live = await readLiveSession(deps.store, callId);
  return {
    call_id: callId,
    state: live.state,
    ...(live.by === undefined ? {} : { by: live.by }),
    events: callEvents(live.record, live.participants),
  };
}

/**
 * A person takes the call over: the agent stops answering and only they reply. Taking over a
 * call one already has changes nothing; a call another person has is theirs (E_CONFLICT).
 */
export async function takeOver(deps: ChatDeps, callId: string, user: string): Promise<void> {
  const who = personName(user);
  await setLiveCallState(deps.store, callId, (current) => {
    if (current.state === 'human' && current.by !== who) {
      throw new CsError('E_CONFLICT', `${current.by} has taken call ${callId} over already.`);
    }
    return { state: 'human', by: who };
  });
}

/**
 * A reply typed by the person who took the call over, held to the rules the LLM agent's drafts
 * are: a reply that promises what no permission check approved, states account facts no query
 * showed or reveals another customer is not sent; the guard's decision is recorded in the call
 * and the person is told why in one line. A reply that passes is recorded as an agent turn that
 * names them.
 */
export async function humanReply(
  deps: ChatDeps,
  callId: string,
  user: string,
  content: string,
): Promise<{ sent: boolean; refused?: string }> {
  const who = personName(user);
  const draft = content.trim();
  if (draft === '') throw new CsError('E_INVALID', 'content must not be empty.');
  await requireHolder(deps, callId, who);
  // Only the customers the reply may name are looked up, not every customer (as `cs session turn`).
  const others = await customersNamedIn({ store: deps.store, draft });
  const verdict = await withLiveSession({
    store: deps.store,
    liveId: callId,
    env: deps.env,
    work: (session): GuardVerdict => {
      // News delivered into the call on this step is delivered by this person (the audit says so).
      session.raisedBy = who;
      const checked = guardAgentTurn({
        draft,
        record: session.record,
        participants: session.participants,
        otherCustomers: others,
      });
      if (!checked.ok) {
        session.addGuardDecision({
          rule: checked.rule,
          outcome: 'blocked',
          detail: `${who}: ${checked.detail}`,
        });
        return checked;
      }
      session.addAgentTurn(draft);
      // The saved transcript says which turns a person wrote.
      const turn = session.record.conversation.at(-1);
      if (turn) turn.by = who;
      return checked;
    },
  });
  if (verdict.ok) return { sent: true };
  return {
    sent: false,
    refused: `未发送（${verdict.rule}）：${verdict.detail} · Not sent: say only what a query showed and what was approved.`,
  };
}

/** The person who took the call over gives it back to the agent, which answers the next line. */
export async function handBack(deps: ChatDeps, callId: string, user: string): Promise<void> {
  const who = personName(user);
  await setLiveCallState(deps.store, callId, (current) => {
    if (current.state !== 'human' || current.by !== who) throw notHolder(callId, current, who);
    return { state: 'agent' };
  });
}

async function requireHolder(deps: ChatDeps, callId: string, who: string): Promise<void> {
  const current = await liveCallState(deps.store, callId);
  if (current.state !== 'human' || current.by !== who) throw notHolder(callId, current, who);
}

function notHolder(callId: string, current: { state: LiveCallState; by?: string }, who: string): CsError {
  return current.state === 'human'
    ? new CsError('E_CONFLICT', `${current.by} has call ${callId}; only they can reply or hand it back.`)
    : new CsError('E_CONFLICT', `${who} has not taken call ${callId} over: take it over first.`);
}

function personName(user: string): string {
  const name = user.normalize('NFKC').trim();
  if (name === '') throw new CsError('E_USAGE', 'Say who is taking the call over.');
  return name;
}
