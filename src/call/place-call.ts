import { isAbsolute } from 'node:path';
import { clockFromEnv } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { Language } from '../domain/language.js';
import type { Customer } from '../domain/record-schemas.js';
import type { CallEvent, GuardDecisionRecord, Review } from '../domain/session-schemas.js';
import type { CallJournalWriter } from '../store/call-journal.js';
import type { RecordStore } from '../store/record-store.js';
// Not systems/index.js: it re-exports the mock HTTP server, which would load node:http into
// every call (the bundler splits by file).
import { createSystemBackend } from '../systems/system-backend.js';
import type { CallAgent } from './call-agent.js';
import { journalCall } from './call-journal-record.js';
import { CallSession } from './call-session.js';
import { cachedCompileRules } from './compiled-rules-cache.js';
import { saveCall } from './finish-call.js';
import { interruptedReview } from './recover-calls.js';
import { runConversation } from './run-call.js';
import { type CallerRef, type CallParticipants, startCall } from './start-call.js';

/** Builds the call's agent once its recorder exists (`prepareAgent` returns one). */
export type CallAgentFactory = (deps: {
  store: RecordStore;
  customer: Customer;
  onGuard: (d: GuardDecisionRecord) => void;
}) => Promise<CallAgent>;

export interface PlaceCallOptions {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  makeAgent: CallAgentFactory;
  product: string | undefined;
  operator: string | undefined;
  caller: CallerRef | undefined;
  language: Language;
  /** The assistant's session tag used in the saved id. */
  tag?: string;
}

export interface SavedCall {
  sessionId: string;
  path: string;
  /** The customer record was busy: its history entry is added by the next command. */
  customerPending: boolean;
}

/**
 * A whole call as `cs call` runs it: the participants, the session on the store's backend, the
 * agent, the journal, the conversation, the review and the save. `cs call` and `cs eval` both
 * run calls through this one path, so what is measured is what runs.
 *
 * @example
 * const call = await PlacedCall.open({ store, env, makeAgent, product: '云盘会员', operator: '小林', caller: { phone }, language: 'zh' });
 * await call.begin((event) => events.push(event));
 * const saved = await call.save(await call.converse(lines));
 * await call.close();
 */
export class PlacedCall {
  private journal: CallJournalWriter | undefined;
  private onEvent: (event: CallEvent) => void = () => undefined;
  private stopTellingWaits: () => void = () => undefined;

  private constructor(
    private readonly options: PlaceCallOptions,
    readonly participants: CallParticipants,
    readonly session: CallSession,
    readonly agent: CallAgent,
  ) {}

  /** Steps 1–3: product, operator, caller (found or created), session and agent. */
  static async open(options: PlaceCallOptions): Promise<PlacedCall> {
    const { store } = options;
    const participants = await startCall({
      store,
      product: options.product,
      operator: options.operator,
      caller: options.caller,
    });
    // CS_NOW's clock, as the ticket and approval commands read it: a call or an evaluation at a
    // fixed time (a suite's mock dates are written for one day) is judged at that time.
    const clock = clockFromEnv(options.env);
    const session = new CallSession({
      participants,
      backend: createSystemBackend({ store, env: options.env, clock }),
      clock,
      language: options.language,
      // Approvals are single-use grants in the store, so limits add up across the customer's calls.
      grants: store,
      // A supervisor's approval requests wait in the store's inbox after the call.
      workflow: store,
      // The file store's folder keeps compiled rules for the next call (PostgreSQL: compiled each time).
      compileRules: cachedCompileRules(isAbsolute(store.location) ? store.location : undefined),
    });
    const agent = await options.makeAgent({
      store,
      customer: participants.customer,
      onGuard: (d) => session.addGuardDecision(d),
    });
    session.raisedBy = `${agent.kind}-agent`;
    return new PlacedCall(options, participants, session, agent);
  }

  /**
   * Announces the call and starts its journal: from here every change is journaled as it
   * happens, so a call cut short by a signal, a crash or a database outage is still saved.
   * `onEvent` hears every event of the call, in order, from `session_started` to `session_saved`.
   */
  async begin(onEvent: (event: CallEvent) => void): Promise<void> {
    this.onEvent = onEvent;
    this.session.onEvent(onEvent);
    onEvent(this.session.startedEvent());
    this.journal = await journalCall({
      store: this.options.store,
      session: this.session,
      agent: this.agent.kind,
      ...(this.options.tag ? { tag: this.options.tag } : {}),
    });
    this.stopTellingWaits = tellCallerWhileStoreWaits(this.options.store, this.session);
  }

  /** The greeting, one reply per caller line, then the review (see runConversation). */
  converse(lines: AsyncIterable<string>, hooks: { onDelta?: (text: string) => void } = {}): Promise<Review> {
    return runConversation({
      session: this.session,
      agent: this.agent,
      lines,
      ...(hooks.onDelta ? { onDelta: hooks.onDelta } : {}),
    });
  }

  /** Step 7: ends the call with its review and saves it (idempotent by call id). */
  async save(review: Review): Promise<SavedCall> {
    const { store } = this.options;
    const { onEvent } = this;
    onEvent({ type: 'session_ended', review });
    await this.journal?.flush().catch(() => undefined);
    const saved = await saveCall({
      store,
      ...this.participants,
      record: this.session.record,
      review,
      agent: this.agent.kind,
      callId: this.session.callId,
      ...(this.options.tag ? { tag: this.options.tag } : {}),
    }).catch((error: unknown) => {
      throw unsavedCall(error, this.session.callId);
    });
    onEvent({ type: 'session_saved', session_id: saved.sessionId, path: saved.path });
    return { sessionId: saved.sessionId, path: saved.path, customerPending: saved.customerPending };
  }

  /** Saves the call as it stands, marked `interrupted` (a signal, a closed terminal). */
  saveInterrupted(): Promise<SavedCall> {
    return this.save(interruptedReview(structuredClone(this.session.record)));
  }

  /** Stops listening to the store and closes the journal (after the save or a failure). */
  async close(): Promise<void> {
    this.stopTellingWaits();
    await this.journal?.close();
  }
}

/**
 * While the database is unreachable and retried, the caller hears one short line (at most every
 * 10 s) instead of silence; the call goes on when it is back.
 */
function tellCallerWhileStoreWaits(store: RecordStore, session: CallSession): () => void {
  if (!store.onStoreWait) return () => undefined;
  let told = 0;
  return store.onStoreWait(() => {
    if (Date.now() - told < 10_000) return;
    told = Date.now();
    session.addAgentTurn(
      session.record.language === 'en' ? 'The system is busy, please hold on.' : '系统繁忙，请稍候。',
    );
  });
}

/** A save that failed: the call stays in its journal and the next command saves it. */
function unsavedCall(error: unknown, callId: string): CsError {
  const code = CsError.isInstance(error) ? error.code : 'E_INTERNAL';
  const why = error instanceof Error ? error.message : String(error);
  return new CsError(
    code === 'E_UPSTREAM' || code === 'E_LOCKED' ? code : 'E_INTERNAL',
    `通话 ${callId} 暂未保存，已记入通话日志，下一个命令（或 cs recover）会保存它 · the call is kept in its journal and saved by the next command (or cs recover): ${why}`,
    { cause: error },
  );
}
