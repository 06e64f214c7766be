import { randomBytes } from 'node:crypto';
import { type Clock, isoTimestamp, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { Language } from '../domain/language.js';
import { detectLanguage } from '../domain/language.js';
import { currentProcess, isProcessAlive, type ProcessIdentity } from '../domain/process-identity.js';
import type { Customer, Operator, Product } from '../domain/record-schemas.js';
import type { CallEvent, Review } from '../domain/session-schemas.js';
import { guardAgentTurn } from '../guard/guard-agent-turn.js';
import type { GuardVerdict } from '../guard/reply-guard.js';
import type { LiveSessionRecord, RecordStore } from '../store/record-store.js';
// Not systems/index.js: it re-exports the mock HTTP server, which would load node:http into
// every call (the bundler splits by file).
import { createSystemBackend } from '../systems/system-backend.js';
import { buildReview } from './build-review.js';
import {
  CALL_RECORD_LISTS,
  type CallRecordState,
  CallSession,
  emptyCallRecord,
  sessionStartedEvent,
} from './call-session.js';
import { checkReviewClaims } from './check-review-claims.js';
import { customersNamedIn } from './customers-named-in.js';
import { parseReview, saveCall } from './finish-call.js';
import { formatAge } from './format-age.js';
import { type CallerRef, type CallParticipants, startCall } from './start-call.js';

/**
 * Who answers a live call: its agent, nobody yet (the caller asked for a person: 转人工), or the
 * person who took it over (`by`). Kept on the live session, so every server sees the same.
 */
export type LiveCallState = 'agent' | 'waiting_human' | 'human';

/** What a live session keeps on disk so separate processes can drive one call. */
interface LiveData extends LiveSessionRecord {
  product_id: string;
  operator_id: string;
  customer_id: string;
  phone: string;
  cold_start: boolean;
  tag?: string;
  /** The process ending the call (`true` from versions before the owner was recorded). */
  ending?: ProcessIdentity | boolean;
  record: CallRecordState;
  /** Absent: the agent answers (every live session before take-over existed). */
  state?: LiveCallState;
  /** The person who took the call over (state `human`). */
  by?: string;
}

const ARRAYS = CALL_RECORD_LISTS;

function asLive(live: LiveSessionRecord | undefined, liveId: string): LiveData {
  if (!live || typeof live.record !== 'object') {
    throw new CsError('E_NOT_FOUND', `No live session ${liveId}: see \`cs session list --live\`.`);
  }
  return live as LiveData;
}

/** `cs session start`: finds the participants, creates the live session and returns its id. */
export async function startLiveSession(options: {
  store: RecordStore;
  product: string | undefined;
  operator: string | undefined;
  caller: CallerRef | undefined;
  language: Language;
  tag?: string;
  clock?: Clock;
}): Promise<{ liveId: string; started: CallEvent; participants: CallParticipants }> {
  const clock = options.clock ?? systemClock;
  const participants = await startCall(options);
  const liveId = `call_${randomBytes(5).toString('hex')}`;
  const data: LiveData = {
    live_id: liveId,
    updated_at: isoTimestamp(clock.now()),
    product_id: participants.product._id,
    operator_id: participants.operator._id,
    customer_id: participants.customer._id,
    phone: participants.phone,
    cold_start: participants.coldStart,
    ...(options.tag ? { tag: options.tag } : {}),
    record: emptyCallRecord(options.language, clock),
  };
  await options.store.putLiveSession(data);
  return { liveId, started: sessionStartedEvent(participants, options.language), participants };
}

/** The records a live session names in its own fields: the call's product, operator, customer. */
const PARTICIPANT_FIELDS = [
  { type: 'product', field: 'product_id' },
  { type: 'operator', field: 'operator_id' },
  { type: 'customer', field: 'customer_id' },
] as const;

/** A live call as stored, with the records it is about as they are now. */
export interface LiveCallRead {
  live: LiveSessionRecord;
  participants: CallParticipants;
}

/**
 * Reads a live call and its participants together (one statement on PostgreSQL: a chat turn
 * pays for its round trips); undefined when no such call is live.
 */
export async function readLiveCall(store: RecordStore, liveId: string): Promise<LiveCallRead | undefined> {
  const read = await store.getLiveSessionWithRecords(liveId, PARTICIPANT_FIELDS);
  if (!read || typeof read.live.record !== 'object') return undefined;
  const live = read.live as LiveData;
  return { live, participants: participantsFrom(live, read.records) };
}

/** Loads the records a live session is about (they may have changed since it started). */
async function participantsOf(store: RecordStore, live: LiveData): Promise<CallParticipants> {
  return participantsFrom(
    live,
    await store.getMany([
      { type: 'product', id: live.product_id },
      { type: 'operator', id: live.operator_id },
      { type: 'customer', id: live.customer_id },
    ] as const),
  );
}

function participantsFrom(
  live: LiveData,
  [product, operator, customer]: readonly [Product | undefined, Operator | undefined, Customer | undefined],
): CallParticipants {
  if (!product || !operator || !customer) {
    throw new CsError(
      'E_NOT_FOUND',
      `A record of live session ${live.live_id} was deleted; restore it with \`cs restore\`.`,
    );
  }
  return { product, operator, customer, phone: live.phone, coldStart: live.cold_start };
}

/** A live call as it stands: who is on it, what it recorded, and who answers it. */
export async function readLiveSession(
  store: RecordStore,
  liveId: string,
): Promise<{
  participants: CallParticipants;
  record: CallRecordState;
  state: LiveCallState;
  by?: string;
  updatedAt: string;
}> {
  const read = await readLiveCall(store, liveId);
  const live = asLive(read?.live, liveId);
  return {
    participants: read?.participants ?? (await participantsOf(store, live)),
    record: live.record,
    state: live.state ?? 'agent',
    ...(live.by === undefined ? {} : { by: live.by }),
    updatedAt: live.updated_at,
  };
}

/** Who answers a live call now (one read; the records it is about are not loaded). */
export async function liveCallState(
  store: RecordStore,
  liveId: string,
): Promise<{ state: LiveCallState; by?: string }> {
  const live = asLive(await store.getLiveSession(liveId), liveId);
  return { state: live.state ?? 'agent', ...(live.by === undefined ? {} : { by: live.by }) };
}

/**
 * Changes who answers a live call, under the store's lock on it: `change` sees the state as it
 * is stored now (so two people taking one call over cannot both win) and may throw to refuse.
 */
export async function setLiveCallState(
  store: RecordStore,
  liveId: string,
  change: (current: { state: LiveCallState; by?: string }) => { state: LiveCallState; by?: string },
): Promise<{ state: LiveCallState; by?: string }> {
  asLive(await store.getLiveSession(liveId), liveId);
  const after = await store.updateLiveSession(liveId, (current) => {
    const cur = asLive(current, liveId);
    const next = change({ state: cur.state ?? 'agent', ...(cur.by === undefined ? {} : { by: cur.by }) });
    const { by: _by, ...rest } = cur;
    return {
      ...rest,
      state: next.state,
      ...(next.by === undefined ? {} : { by: next.by }),
      updated_at: isoTimestamp(systemClock.now()),
    };
  });
  const live = asLive(after, liveId);
  return { state: live.state ?? 'agent', ...(live.by === undefined ? {} : { by: live.by }) };
}

/**
 * Runs `work` against a live session and appends what it recorded. The work runs outside the
 * lock (queries may take time); only the append happens under it, so concurrent processes
 * driving one call lose nothing.
 */
export async function withLiveSession<T>(options: {
  store: RecordStore;
  liveId: string;
  env?: NodeJS.ProcessEnv;
  work: (session: CallSession) => Promise<T> | T;
  onEvent?: (event: CallEvent) => void;
  /**
   * The live session as the caller just read it, so it is not read again, with its participants
   * when read with it (`readLiveCall`); handed over (changed).
   */
  current?: { live: LiveSessionRecord; participants?: CallParticipants };
}): Promise<T> {
  const { store, liveId } = options;
  const read = options.current ?? (await readLiveCall(store, liveId));
  const live = asLive(read?.live, liveId);
  if (live.ending && endingOwnerAlive(live.ending))
    throw new CsError('E_CONFLICT', `Live session ${liveId} is being ended.`);
  const participants = read?.participants ?? (await participantsOf(store, live));
  // `?? []`: a live session saved before a list existed (grants) lacks it.
  const before = Object.fromEntries(ARRAYS.map((k) => [k, (live.record[k] ?? []).length])) as Record<
    (typeof ARRAYS)[number],
    number
  >;
  // The document was just read for this work (or handed over by the caller): the session may
  // change it in place, no copy needed.
  const record: CallRecordState = live.record;
  const session = new CallSession({
    participants,
    backend: createSystemBackend({ store, ...(options.env ? { env: options.env } : {}) }),
    language: record.language,
    record,
    callId: liveId,
    grants: store,
    workflow: store,
    // A live session is driven by an outside assistant (MCP, `cs session`): it raises as one.
    raisedBy: live.tag ? `assistant:${live.tag}` : 'assistant',
  });
  if (options.onEvent) session.onEvent(options.onEvent);
  const result = await options.work(session);
  await session.settled();
  // A supervisor's decision on one of this call's requests reaches the live call (MCP, cs session).
  await session.deliverNotifications();
  // Only what this work added is written: other processes driving the call meanwhile appended
  // theirs, and the record is not sent back whole.
  const append: Record<string, unknown[]> = {};
  for (const key of ARRAYS) {
    const added = record[key].slice(before[key]);
    if (added.length > 0) append[key] = added;
  }
  await store.appendToLiveRecord(liveId, {
    updated_at: isoTimestamp(systemClock.now()),
    append,
    set: { language: record.language },
    merge: { learned: record.learned },
  });
  return result;
}

/** `cs session turn`: records what the customer or the agent said. */
export async function recordLiveTurn(options: {
  store: RecordStore;
  liveId: string;
  role: 'customer' | 'agent';
  content: string;
}): Promise<void> {
  const content = options.content.trim();
  if (content === '') throw new CsError('E_USAGE', '--content must not be empty.');
  // An outside assistant's reply is held to the guard the LLM agent's drafts pass: a reply that
  // states what no query showed, promises what was not approved or reveals another customer is
  // not recorded (nor, so, said); the decision is, and the assistant hears why.
  // Only the customers the draft may name (by phone or name) are looked up, not every customer:
  // a store of 100,000 customers costs a reply what a store of ten does.
  const others =
    options.role === 'agent' ? await customersNamedIn({ store: options.store, draft: content }) : [];
  const verdict = await withLiveSession({
    store: options.store,
    liveId: options.liveId,
    work: (session): GuardVerdict => {
      if (options.role === 'customer') {
        session.setLanguage(detectLanguage(content, session.record.language));
        session.addCustomerTurn(content);
        return { ok: true };
      }
      const checked = guardAgentTurn({
        draft: content,
        record: session.record,
        participants: session.participants,
        otherCustomers: others,
      });
      if (checked.ok) {
        session.addAgentTurn(content);
      } else {
        session.addGuardDecision({ rule: checked.rule, outcome: 'blocked', detail: checked.detail });
      }
      return checked;
    },
  });
  if (!verdict.ok) {
    throw new CsError(
      'E_REFUSED',
      `这句回复未记录：${verdict.detail}；请只说查询到的事实和已批准的操作 · Reply not recorded (${verdict.rule}): say only what a query showed and what was approved.`,
      { details: { rule: verdict.rule } },
    );
  }
}

/**
 * `cs session end`: saves the live session like a built-in call (a review made from the record
 * when none is given) and removes it. Only one process can end a session. A given review that
 * claims what the call's request ledger does not show (an action never carried out, `resolved`
 * with an escalation open) is refused and the call stays live (see `checkReviewClaims`).
 */
export async function endLiveSession(options: {
  store: RecordStore;
  liveId: string;
  review?: unknown;
  customerUpdates?: Record<string, unknown>;
}): Promise<{ sessionId: string; path: string; review: Review }> {
  const { store, liveId } = options;
  // Validate everything before anything changes.
  const given = options.review === undefined ? undefined : parseReview(options.review, '--review');
  // The claim names its process: a claim left by a process that died mid-way (killed, crashed)
  // is taken over, and the save below completes whatever it had done.
  const claimed = asLive(
    await store.updateLiveSession(liveId, (current) => {
      const cur = asLive(current, liveId);
      if (cur.ending && endingOwnerAlive(cur.ending)) {
        throw new CsError('E_CONFLICT', `Live session ${liveId} is already being ended.`);
      }
      return { ...cur, ending: currentProcess() };
    }),
    liveId,
  );
  try {
    // Held to the record as it is once claimed: nothing can be added to it after this check.
    if (given) checkReviewClaims(given, claimed.record);
    const participants = await participantsOf(store, claimed);
    const review = given ?? buildReview(claimed.record);
    const saved = await saveCall({
      store,
      ...participants,
      record: claimed.record,
      review,
      agent: 'external',
      callId: liveId,
      ...(options.customerUpdates ? { customerUpdates: options.customerUpdates } : {}),
      ...(claimed.tag ? { tag: claimed.tag } : {}),
    });
    await store.deleteLiveSession(liveId);
    return { sessionId: saved.sessionId, path: saved.path, review };
  } catch (error) {
    await store
      .updateLiveSession(liveId, (current) => ({ ...current, ending: false }))
      .catch(() => undefined);
    throw error;
  }
}

/** A claim to end a live session holds while its process runs; an old `true` claim never expires by itself. */
function endingOwnerAlive(ending: ProcessIdentity | boolean): boolean {
  if (typeof ending === 'boolean') return ending;
  return isProcessAlive(ending);
}

/** One row of `cs session list --live`. */
export interface LiveSessionRow {
  call_id: string;
  product: string;
  customer: string;
  phone: string;
  started_at: string;
  /** Whole seconds since the call started. */
  age_seconds: number;
  /** The age for people, e.g. `3分钟 · 3 min`. */
  age: string;
  updated_at: string;
  turns: number;
  ending: boolean;
  /** Who answers it: the agent, nobody yet (转人工), or a person. */
  state: LiveCallState;
  /** The person who took it over. */
  by?: string;
}

/**
 * `cs session list --live`: each call in progress with its product, customer and age, oldest
 * first. Names come from the index (a record deleted since shows its id).
 */
export async function listLiveSessions(
  store: RecordStore,
  options: { clock?: Clock } = {},
): Promise<LiveSessionRow[]> {
  const now = (options.clock ?? systemClock).now().getTime();
  const [all, products, customers] = await Promise.all([
    store.listLiveSessions(),
    store.summaries('product'),
    store.summaries('customer'),
  ]);
  const nameOf = (list: Array<{ id: string; name: string }>, id: string) =>
    list.find((r) => r.id === id)?.name ?? id;
  return all
    .map((l) => l as LiveData)
    .map((l) => {
      const started = l.record.started_at ?? l.updated_at;
      const ageSeconds = Math.max(0, Math.floor((now - new Date(started).getTime()) / 1000) || 0);
      return {
        call_id: l.live_id,
        product: nameOf(products, l.product_id),
        customer: nameOf(customers, l.customer_id),
        phone: l.phone,
        started_at: started,
        age_seconds: ageSeconds,
        age: formatAge(ageSeconds),
        updated_at: l.updated_at,
        turns: l.record.conversation.length,
        ending: Boolean(l.ending && endingOwnerAlive(l.ending)),
        state: l.state ?? 'agent',
        ...(l.by === undefined ? {} : { by: l.by }),
      };
    })
    .sort((a, b) => a.started_at.localeCompare(b.started_at));
}
