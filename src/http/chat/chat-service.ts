import { z } from 'zod';
import { prepareAgent } from '../../agent/choose-agent.js';
import type { CallAgent } from '../../call/call-agent.js';
import type { CallSession } from '../../call/call-session.js';
import { closingFor } from '../../call/closing-words.js';
import {
  endLiveSession,
  type LiveCallState,
  readLiveCall,
  setLiveCallState,
  startLiveSession,
  withLiveSession,
} from '../../call/live-session.js';
import type { CallAgentFactory } from '../../call/place-call.js';
import { isGoodbye, replyOrExcuse } from '../../call/run-call.js';
import type { Clock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import { detectLanguage, type Language } from '../../domain/language.js';
import type { CallEvent } from '../../domain/session-schemas.js';
import { resolveRecord } from '../../records/resolve-record.js';
import type { LiveSessionRecord, RecordStore } from '../../store/record-store.js';
import { chatKeyFor, chatKeyMatches, verifyChatToken } from './chat-token.js';

/** What the chat functions use; `secret` signs chat tokens and chat keys (see chat-token.ts). */
export interface ChatDeps {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  secret: string;
}

/** The saved session id of a chat ends in `_chat` (cs_YYYYMMDD_seq_chat). */
const CHAT_TAG = 'chat';

/**
 * The agent factory per environment: deciding it loads the LLM SDK once, not on every turn.
 * Only a cache; the call itself lives in the store, so any server can take the next turn.
 */
const agentFactories = new WeakMap<NodeJS.ProcessEnv, Promise<CallAgentFactory>>();

function agentFactory(env: NodeJS.ProcessEnv): Promise<CallAgentFactory> {
  let made = agentFactories.get(env);
  if (!made) {
    made = prepareAgent({ kind: 'auto', env });
    // A bad LLM setting is not cached: fixing the environment of a test or a restart retries it.
    made.catch(() => agentFactories.delete(env));
    agentFactories.set(env, made);
  }
  return made;
}

/** The configured agent (built-in or LLM, from the environment) for one turn of the session. */
async function agentFor(deps: ChatDeps, session: CallSession): Promise<CallAgent> {
  const make = await agentFactory(deps.env);
  const agent = await make({
    store: deps.store,
    customer: session.participants.customer,
    onGuard: (d) => session.addGuardDecision(d),
  });
  // Approval requests the agent raises in a chat name it, as in `cs call`.
  session.raisedBy = `${agent.kind}-agent`;
  return agent;
}

/**
 * The operator strategy a chat speaks with: `CS_CHAT_OPERATOR` (name or id), else the first
 * operator by name, so a database with one operator needs no setting.
 */
async function chatOperator(store: RecordStore, env: NodeJS.ProcessEnv): Promise<string> {
  const named = env.CS_CHAT_OPERATOR?.trim();
  if (named) return named;
  const operators = await store.summaries('operator');
  const first = operators.map((o) => o.name).sort((a, b) => a.localeCompare(b, 'zh'))[0];
  if (first === undefined) {
    throw new CsError('E_CONFIG', 'The chat needs an operator strategy: create one (cs create operator).');
  }
  return first;
}

/**
 * Opens a chat for the caller a chat token names: checks the token (signature, expiry, its
 * product), starts a live call for the token's phone (a known customer, or a cold start as
 * `cs session start --phone` makes one) and records the configured agent's greeting. The chat
 * key it returns authorises the chat's next requests.
 */
export async function startChat(
  deps: ChatDeps,
  input: { token: string; product: string },
): Promise<{ call_id: string; chat_key: string; greeting: string }> {
  const claims = verifyChatToken(input.token, deps.secret, deps.clock);
  const product = await resolveRecord(deps.store, 'product', { name: input.product });
  if (claims.product !== undefined && claims.product !== product.name && claims.product !== product._id) {
    throw new CsError(
      'E_REFUSED',
      `聊天凭证不适用于该产品 · The chat token is for "${claims.product}", not "${product.name}".`,
    );
  }
  const { liveId } = await startLiveSession({
    store: deps.store,
    product: product._id,
    operator: await chatOperator(deps.store, deps.env),
    caller: { phone: claims.phone },
    language: languageOf(deps.env),
    tag: CHAT_TAG,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const greeting = await withLiveSession({
    store: deps.store,
    liveId,
    env: deps.env,
    work: async (session) => {
      const agent = await agentFor(deps, session);
      const text = await agent.greet(session.context());
      session.addAgentTurn(text);
      return text;
    },
  });
  return { call_id: liveId, chat_key: chatKeyFor(liveId, deps.secret), greeting };
}

/** A chat starts in `CS_CHAT_LANG` (zh or en; zh by default) and follows the caller after. */
function languageOf(env: NodeJS.ProcessEnv): Language {
  return env.CS_CHAT_LANG === 'en' ? 'en' : 'zh';
}

/** Whether `key` is the chat key `startChat` gave for this call. */
export function chatKeyValid(deps: ChatDeps, callId: string, key: string): boolean {
  return chatKeyMatches(callId, key, deps.secret);
}

/** A caller asking in words for a person (转人工, 人工客服, talk to a person). */
const WANTS_PERSON =
  /转人工|转接人工|人工客服|人工服务|真人客服|找人工|要人工|\b(?:talk|speak) to (?:a |an )?(?:real )?(?:person|human|agent)\b|\bhuman agent\b|\breal person\b/i;

/** …unless they say they do not want one (不用转人工, no need for a person). */
const NO_PERSON =
  /(?:不用|不要|别|无需|不需要|没必要)(?:再)?(?:转|找|要)?人工|\bno need\b|\bdon'?t\b|\bdo not\b/i;

/** Whether the line asks for a person, so the call goes to the live-calls list at once. */
export function asksForPerson(line: string): boolean {
  return WANTS_PERSON.test(line) && !NO_PERSON.test(line);
}

const HANDING_OVER: Record<Language, string> = {
  zh: '好的，正在为您转接人工客服，请稍候，接通后由工作人员继续为您服务。',
  en: 'Sure, I am passing you to a member of our team. Please hold on; they will continue from here.',
};

/**
 * One line of the customer's. It is recorded; unless a person has the call or it waits for one,
 * the agent's reply follows (each piece through `onDelta` as it is produced; a reply that is
 * not streamed arrives as one piece) and is recorded, and decisions on the call's approval
 * requests made meanwhile are delivered after it. Returns the reply (null when no agent
 * answers) and every event the turn produced: the customer's line, queries, permission checks,
 * tickets, the reply, notifications.
 *
 * Concurrent lines on one call (two requests, two servers) each append what they recorded, so
 * nothing is lost; the agent's state between turns lives in the call's record (`learned`).
 */
export async function say(
  deps: ChatDeps,
  callId: string,
  content: string,
  onDelta?: (t: string) => void,
): Promise<{ reply: string | null; events: CallEvent[] }> {
  const line = content.trim();
  if (line === '') throw new CsError('E_INVALID', 'content must not be empty.');
  // The call and who is on it, in one read: a turn's cost is mostly its round trips.
  const read = await readLiveCall(deps.store, callId);
  const before = chatLive(read?.live, callId);
  const { state } = before;
  const events: CallEvent[] = [];
  let delivered = 0;
  const handOver = state === 'agent' && asksForPerson(line);
  const reply = await withLiveSession({
    store: deps.store,
    liveId: callId,
    current: { live: before.current, ...(read ? { participants: read.participants } : {}) },
    env: deps.env,
    // Notifications reach the chat through `claimNews` below, each once.
    onEvent: (event) => {
      if (event.type === 'notification') delivered++;
      else events.push(event);
    },
    work: async (session): Promise<string | null> => {
      session.setLanguage(detectLanguage(line, session.record.language));
      session.addCustomerTurn(line);
      // A person has the call, or it waits for one: the agent stays quiet.
      if (state !== 'agent') return null;
      let streamed = false;
      const text = handOver
        ? HANDING_OVER[session.record.language]
        : await agentReply(deps, session, line, (piece) => {
            streamed = true;
            onDelta?.(piece);
          });
      if (!streamed) onDelta?.(text);
      session.addAgentTurn(text);
      // A supervisor's decision made while the customer is chatting reaches them after the
      // reply: withLiveSession delivers it into the call.
      return text;
    },
  });
  if (handOver) await askForHuman(deps, callId);
  // What this turn delivered, and what was delivered into the call since the chat last heard
  // (while a person had it): the write is paid only when there is news.
  if (delivered > 0 || before.untold > 0) {
    for (const n of await claimNews(deps.store, callId)) events.push({ type: 'notification', ...n });
  }
  return { reply, events };
}

/**
 * The agent's reply to one line: the operator's closing to a goodbye; when the database or a
 * backend stays unreachable (E_UPSTREAM), that the system cannot do it now (as `cs call` says).
 */
async function agentReply(
  deps: ChatDeps,
  session: CallSession,
  line: string,
  onDelta: (t: string) => void,
): Promise<string> {
  if (isGoodbye(line)) return closingFor(session.context());
  const agent = await agentFor(deps, session);
  session.prepareKnowledge();
  return replyOrExcuse(session, () => agent.reply(session.context(), line, { onDelta }));
}

/**
 * The customer asks for a person (the 转人工 button): the call waits in the live-calls list and
 * the agent stops answering. A call a person already has stays theirs.
 */
export async function askForHuman(deps: ChatDeps, callId: string): Promise<void> {
  await setLiveCallState(deps.store, callId, (current) =>
    current.state === 'human' ? current : { state: 'waiting_human' },
  );
}

/**
 * Delivers into the open chat the decisions on its approval requests made since the chat last
 * heard (each once, even with several servers asking), recorded as `notification` events in the
 * call. Also hands over what another step of the call (a person's reply) delivered meanwhile.
 */
export async function deliverNews(
  deps: ChatDeps,
  callId: string,
): Promise<Array<{ approval_id: string; content: string }>> {
  // Most chats raised no approval request: nothing can be delivered, and nothing is written.
  const live = chatLive(await deps.store.getLiveSession(callId), callId);
  if (!live.awaitsDecision && live.untold === 0) return [];
  if (live.awaitsDecision) {
    await withLiveSession({
      store: deps.store,
      liveId: callId,
      current: { live: live.current },
      env: deps.env,
      work: (session) => {
        session.raisedBy = 'chat';
        // Delivered by withLiveSession once the work is done.
      },
    });
  }
  return claimNews(deps.store, callId);
}

/** What a chat reads of its live session (parsed: it is a stored document). */
const ChatLiveSchema = z.looseObject({
  state: z.enum(['agent', 'waiting_human', 'human']).optional(),
  /** How many of the call's notifications the chat has been given. */
  chat_told: z.number().int().nonnegative().optional(),
  record: z.looseObject({
    permission_checks: z.array(z.looseObject({ approval_ids: z.array(z.string()).optional() })).optional(),
    notifications: z.array(z.looseObject({ approval_id: z.string(), content: z.string() })).optional(),
  }),
});

/**
 * Who answers the chat, whether it waits for a decision, and how much news it has not heard;
 * `current` is the live session read, for the turn to work on without reading it again.
 */
function chatLive(
  raw: LiveSessionRecord | undefined,
  callId: string,
): { state: LiveCallState; awaitsDecision: boolean; untold: number; current: LiveSessionRecord } {
  const live = raw === undefined ? undefined : ChatLiveSchema.safeParse(raw);
  if (!live?.success) {
    throw new CsError('E_NOT_FOUND', `No live chat ${callId}: it ended, or the id is wrong.`);
  }
  const { record } = live.data;
  return {
    state: live.data.state ?? 'agent',
    awaitsDecision: (record.permission_checks ?? []).some((c) => (c.approval_ids ?? []).length > 0),
    untold: (record.notifications ?? []).length - (live.data.chat_told ?? 0),
    current: raw as LiveSessionRecord,
  };
}

/**
 * The call's notifications the chat has not been given yet, claimed under the live session's
 * lock: among servers asking at once, each notification goes to exactly one of them.
 */
async function claimNews(
  store: RecordStore,
  callId: string,
): Promise<Array<{ approval_id: string; content: string }>> {
  let claimed: Array<{ approval_id: string; content: string }> = [];
  await store.updateLiveSession(callId, (current) => {
    const live = ChatLiveSchema.parse(current);
    const all = live.record.notifications ?? [];
    claimed = all.slice(live.chat_told ?? 0).map((n) => ({ approval_id: n.approval_id, content: n.content }));
    return { ...current, chat_told: all.length };
  });
  return claimed;
}

/** One line of a chat as the customer saw it. */
export interface ChatLine {
  from: 'customer' | 'agent' | 'notification';
  text: string;
}

/**
 * The chat so far, as its page shows it (a page opened again after a reload picks up the call
 * it had): the customer's and the service's lines, and each decision told in the call after the
 * turn it came in. E_NOT_FOUND once the call has ended.
 */
export async function chatTranscript(
  deps: ChatDeps,
  callId: string,
): Promise<{ state: LiveCallState; lines: ChatLine[] }> {
  const live = chatLive(await deps.store.getLiveSession(callId), callId);
  const record = live.current.record as {
    conversation?: Array<{ role?: unknown; content?: unknown }>;
    notifications?: Array<{ content?: unknown; turn?: unknown }>;
  };
  const notices = (record.notifications ?? []).filter((n) => typeof n.content === 'string');
  const lines: ChatLine[] = [];
  let told = 0;
  // Decisions told during customer turn k follow that turn's reply, before turn k + 1.
  const tellUpTo = (turn: number) => {
    while (told < notices.length && Number(notices[told]?.turn ?? -1) <= turn) {
      lines.push({ from: 'notification', text: String(notices[told]?.content) });
      told++;
    }
  };
  let turn = -1;
  for (const said of record.conversation ?? []) {
    if (typeof said.content !== 'string') continue;
    if (said.role === 'customer') {
      tellUpTo(turn);
      turn++;
    }
    lines.push({ from: said.role === 'customer' ? 'customer' : 'agent', text: said.content });
  }
  tellUpTo(Number.POSITIVE_INFINITY);
  return { state: live.state, lines };
}

/** Ends the chat and saves it like `cs session end` (a review made from the record). */
export async function endChat(deps: ChatDeps, callId: string): Promise<{ session_id: string }> {
  const saved = await endLiveSession({ store: deps.store, liveId: callId });
  return { session_id: saved.sessionId };
}
