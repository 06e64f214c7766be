import { randomBytes } from 'node:crypto';
import { approvalDoc, approvalOf, transition } from '../domain/approval-request.js';
import { type Clock, compactDate, isoTimestamp, localMinute, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { Grant } from '../domain/grant-schema.js';
import type { Language } from '../domain/language.js';
import type { OperatorPermissions, Product } from '../domain/record-schemas.js';
import type {
  CallEvent,
  CallNotificationRecord,
  ConversationTurn,
  GuardDecisionRecord,
  PermissionCheckRecord,
  RequestEntry,
  SystemQueryRecord,
  TicketRecord,
  WithdrawalRecord,
} from '../domain/session-schemas.js';
import { buildKnowledgeIndex, isStaffOnly, type KnowledgeIndex } from '../knowledge/index.js';
import type { KnowledgeHit } from '../knowledge/knowledge-hit.js';
import {
  type CompiledRules,
  checkPermission,
  compileRules,
  findActionRequests,
  findOtherParty,
  type OtherPartyOptions,
  type PermissionDecision,
  withoutTakingBack,
} from '../permissions/index.js';
import { productPermissions } from '../records/product-permissions.js';
import type { GrantStore } from '../store/grant-store.js';
import { MemoryGrantStore } from '../store/memory/memory-grant-store.js';
import { MemoryWorkflowStore } from '../store/memory/memory-workflow-store.js';
import type { WorkflowStore } from '../store/workflow-store.js';
import type { ApprovedActionInput, ApprovedActionResult } from '../systems/mock-backend.js';
// Not systems/index.js: it re-exports the mock HTTP server, which would load node:http into
// every call (the bundler splits by file).
import { resolveQuery } from '../systems/resolve-query.js';
import { approvalRequestsFor, putApprovalRequests } from './approval-requests.js';
import type { CallContext, CallTools } from './call-agent.js';
import { callerScope } from './caller-scope.js';
import {
  consumerName,
  countedAmounts,
  grantablePart,
  grantsFor,
  newGrant,
  noGrant,
  permissionWindowHours,
  rulesHash,
  severalActionsNote,
} from './grants.js';
import { boundByHeldBooking } from './held-booking.js';
import { boundByInvoicedAmount } from './invoiced-amount.js';
import { boundByOwedTotal, moneyOwedShown } from './money-owed.js';
import { boundByPendingRefund } from './pending-refund.js';
import { requestLedger } from './request-ledger.js';
import type { CallParticipants } from './start-call.js';
import { statesShown } from './states-shown.js';
import { boundByVerifiedCharge, recordsPayments } from './verified-charges.js';

/** The `session_started` event of a call (DESIGN.md). */
export function sessionStartedEvent(participants: CallParticipants, language: Language): CallEvent {
  const { product, operator, customer, phone, coldStart } = participants;
  return {
    type: 'session_started',
    product: { id: product._id, name: product.name },
    operator: { id: operator._id, name: operator.name },
    customer: { id: customer._id, name: customer.name, phone, cold_start: coldStart },
    language,
  };
}

/** Carries out queries and approved actions; the mock/real system backend in production. */
export interface CallBackend {
  query(
    resolved: ReturnType<typeof resolveQuery>,
    ctx: { product: Product; phone: string },
  ): Promise<SystemQueryRecord>;
  applyApprovedAction(input: ApprovedActionInput): Promise<ApprovedActionResult>;
}

/** The lists of a call's record, each appended to as the call goes (the call's ledger). */
export const CALL_RECORD_LISTS = [
  'conversation',
  'system_queries',
  'permission_checks',
  'tickets',
  'guard_decisions',
  'actions_performed',
  'grants',
  'withdrawals',
  'notifications',
] as const;

export type CallRecordList = (typeof CALL_RECORD_LISTS)[number];

/** One change to a call's record: what the call journal keeps, in order. */
export type CallRecordChange =
  | { [K in CallRecordList]: { list: K; entry: CallRecordState[K][number] } }[CallRecordList]
  | { list: 'language'; entry: Language }
  | { list: 'action_started'; entry: { action: string; grant_id: string; turn: number } }
  /** The grant of an `action_started` was not this call's to use (another process consumed it). */
  | { list: 'action_not_started'; entry: { grant_id: string } }
  | { list: 'learned'; entry: Record<string, unknown> };

/** Everything a call records; it is what `session.json` saves and what live sessions persist. */
export interface CallRecordState {
  language: Language;
  started_at: string;
  conversation: ConversationTurn[];
  system_queries: SystemQueryRecord[];
  permission_checks: PermissionCheckRecord[];
  tickets: TicketRecord[];
  guard_decisions: GuardDecisionRecord[];
  actions_performed: Array<{
    action: string;
    description: string;
    turn: number;
    grant_id?: string;
    /** Started when the call was cut off; whether the backend finished it is unknown. */
    unconfirmed?: boolean;
  }>;
  /** Approvals issued in this call, as issued (their consumption is in the store and actions_performed). */
  grants: Grant[];
  /** Requests the caller withdrew; with the lists above they make the request ledger (`requestLedger`). */
  withdrawals: WithdrawalRecord[];
  /** Supervisors' decisions delivered into the call while it was open. */
  notifications: CallNotificationRecord[];
  learned: Record<string, unknown>;
}

export function emptyCallRecord(language: Language, clock: Clock): CallRecordState {
  return {
    language,
    started_at: isoTimestamp(clock.now()),
    conversation: [],
    system_queries: [],
    permission_checks: [],
    tickets: [],
    guard_decisions: [],
    actions_performed: [],
    grants: [],
    withdrawals: [],
    notifications: [],
    learned: {},
  };
}

/**
 * One call in progress: the records it is about, what has been said and done, and the tools an
 * agent uses. Every tool records into the call and emits its event, so whoever speaks (built-in
 * agent, LLM, an outside assistant) is held to the same engines.
 */
export class CallSession {
  readonly participants: CallParticipants;
  readonly record: CallRecordState;
  /** Compiled on first use: a call that checks no action never pays for it. */
  #rules: CompiledRules | undefined;
  #payable: boolean | undefined;
  readonly #compileRules: () => CompiledRules;
  /** Where this call's approvals are issued and used up (the record store; memory without one). */
  private readonly grants: GrantStore;
  /** Where approval requests a supervisor must decide are raised (the record store's). */
  private readonly workflow: WorkflowStore;
  /** Who raises them: `rules-agent`, `llm-agent`, or `assistant:<tag>` (set once the agent is known). */
  raisedBy: string;
  /** Store writes a synchronous tool started (a withdrawal's approval requests): see `settled`. */
  private readonly pending: Array<Promise<unknown>> = [];
  private readonly rulesHash: string;
  private knowledge: KnowledgeIndex | undefined;
  private readonly backend: CallBackend;
  private readonly clock: Clock;
  private readonly listeners: Array<(event: CallEvent) => void> = [];
  private readonly recorders: Array<(change: CallRecordChange) => void> = [];
  private readonly flushes: Array<() => Promise<void>> = [];
  /** The live call's id (`call_id`): names the call in its journal, grants and live sessions. */
  readonly callId: string;
  private learnedJournaled = '{}';

  constructor(options: {
    participants: CallParticipants;
    backend: CallBackend;
    language: Language;
    clock?: Clock;
    /** Resume a live session's record. */
    record?: CallRecordState;
    callId?: string;
    /** The store's grants, so approvals are single-use and limits add up across processes. */
    grants?: GrantStore;
    /** Compiles the product's rules (e.g. from a cache); called once, on the first check. */
    compileRules?: (permissions: OperatorPermissions) => CompiledRules;
    /** The store's work items, so a supervisor's approval requests outlive the call. */
    workflow?: WorkflowStore;
    /** Who raises approval requests in this call (`rules-agent`, `llm-agent`, `assistant:<tag>`). */
    raisedBy?: string;
  }) {
    this.callId = options.callId ?? `call_${randomBytes(5).toString('hex')}`;
    this.participants = options.participants;
    this.backend = options.backend;
    this.clock = options.clock ?? systemClock;
    this.record = options.record ?? emptyCallRecord(options.language, this.clock);
    const compile = options.compileRules ?? compileRules;
    this.#compileRules = () => compile(productPermissions(this.participants.product));
    this.grants = options.grants ?? new MemoryGrantStore();
    this.workflow = options.workflow ?? new MemoryWorkflowStore();
    this.raisedBy = options.raisedBy ?? 'agent';
    this.rulesHash = rulesHash(this.participants.product);
    // A live session saved before grants (or withdrawals) existed has no list yet.
    this.record.grants ??= [];
    this.record.withdrawals ??= [];
    this.record.notifications ??= [];
    this.learnedJournaled = JSON.stringify(this.record.learned);
  }

  /**
   * Whether the product has an interface a caller's call may read whose response records
   * payments: then money back waits for one to be read (see `boundByVerifiedCharge`).
   */
  private payable(): boolean {
    // The product is the call's for its whole length: read once, not on every check.
    this.#payable ??= Object.values(this.participants.product.api_interfaces ?? {}).some(
      (def) =>
        !isStaffOnly(def.description) && (def.response_fields ?? []).some((f) => recordsPayments(String(f))),
    );
    return this.#payable;
  }

  private get rules(): CompiledRules {
    this.#rules ??= this.#compileRules();
    return this.#rules;
  }

  /** Who is calling, for the engine's data scope (see `callerScope`). */
  private get caller(): OtherPartyOptions {
    return callerScope(this.participants);
  }

  onEvent(listener: (event: CallEvent) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Called with every change to the record, in order, as it happens (the call journal);
   * `flush` makes what was recorded durable, awaited before an action reaches the backend.
   */
  onRecord(
    recorder: (change: CallRecordChange) => void,
    options: { flush?: () => Promise<void> } = {},
  ): void {
    this.recorders.push(recorder);
    if (options.flush) this.flushes.push(options.flush);
  }

  /** A change only the journal keeps (the record itself has no list for it). */
  private journalOnly(change: CallRecordChange): void {
    for (const r of this.recorders) r(change);
  }

  private async durable(): Promise<void> {
    await Promise.all(this.flushes.map((f) => f()));
  }

  private emit(event: CallEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** The one way the record grows: appended, then told to the recorders. */
  private append<K extends CallRecordList>(list: K, entry: CallRecordState[K][number]): void {
    (this.record[list] as Array<CallRecordState[K][number]>).push(entry);
    const change = { list, entry } as CallRecordChange;
    for (const r of this.recorders) r(change);
  }

  /**
   * Agents write what they learn straight into `learned`; after each reply the journal gets a
   * copy when it changed, so a recovered call keeps it.
   */
  private recordLearned(): void {
    const now = JSON.stringify(this.record.learned);
    if (now === this.learnedJournaled) return;
    this.learnedJournaled = now;
    for (const r of this.recorders) r({ list: 'learned', entry: structuredClone(this.record.learned) });
  }

  /** Index of the current customer turn (0-based), -1 before the first. */
  get turn(): number {
    return this.record.conversation.filter((t) => t.role === 'customer').length - 1;
  }

  private now(): string {
    return isoTimestamp(this.clock.now());
  }

  startedEvent(): CallEvent {
    return sessionStartedEvent(this.participants, this.record.language);
  }

  addCustomerTurn(content: string): void {
    this.append('conversation', { role: 'customer', content });
    this.emit({ type: 'customer', content });
  }

  addAgentTurn(content: string): void {
    this.append('conversation', { role: 'agent', content });
    this.recordLearned();
    this.emit({ type: 'agent', content });
  }

  addGuardDecision(decision: GuardDecisionRecord): void {
    const entry = { ...decision, turn: this.turn, at: this.now() };
    this.append('guard_decisions', entry);
    this.emit({ type: 'guard', rule: decision.rule, outcome: decision.outcome, detail: decision.detail });
  }

  setLanguage(language: Language): void {
    if (this.record.language === language) return;
    this.record.language = language;
    for (const r of this.recorders) r({ list: 'language', entry: language });
  }

  /** Queries a system interface for the caller and records the result. */
  async querySystem(input: {
    interfaceName?: string;
    endpoint?: string;
    params?: Record<string, string>;
  }): Promise<SystemQueryRecord> {
    const { product, phone } = this.participants;
    const resolved = resolveQuery({
      product,
      phone,
      ...(input.interfaceName === undefined ? {} : { interfaceName: input.interfaceName }),
      ...(input.endpoint === undefined ? {} : { endpoint: input.endpoint }),
      ...(input.params === undefined ? {} : { params: input.params }),
      filtersOptional: true,
    });
    // A system the product keeps for staff is never looked up for a caller, by any agent or
    // assistant; a new caller who gave no number: nothing about their account can be looked up yet.
    const refused = isStaffOnly(resolved.definition.description)
      ? '该系统仅供内部人员使用，不能为来电客户查询 · this system is for staff only and is not looked up for a caller'
      : phone === '' && Object.values(resolved.params).includes('')
        ? "来电号码未知，请先询问客户的手机号 · the caller's phone is unknown: ask for it first"
        : undefined;
    const result: SystemQueryRecord =
      refused !== undefined
        ? {
            interface: resolved.interfaceName,
            method: resolved.method,
            endpoint: resolved.definition.endpoint,
            purpose: resolved.definition.description,
            mock: resolved.definition.mock_enabled,
            ok: false,
            error: refused,
            at: this.clock.now().toISOString(),
          }
        : await this.backend.query(resolved, { product, phone });
    this.append('system_queries', { ...result, turn: this.turn, at: this.now() });
    const { turn: _t, at: _a, ...event } = result;
    this.emit({ type: 'system_query', ...event });
    return result;
  }

  /**
   * Checks an action against the product's rules and records the decision. Limits add up: the
   * engine counts what this call and the customer's other calls (same product, within the
   * product's window) approved before. An approval of one action issues a single-use grant
   * bound to this call; checking the same action again while its grant is unused reuses it.
   *
   * A repeated request (the same label and amount as an earlier one of this call that is still
   * standing: not carried out, not withdrawn) is not a new request: the earlier decision comes
   * back with `repeated: true`, and nothing is recorded or emitted again. 再/again/another mark a
   * new request of the same kind, which is checked (and counted) as one. A forbidden request
   * asked again is checked and recorded again.
   */
  async checkPermission(
    action: string,
  ): Promise<PermissionDecision & { grant_id?: string; repeated?: true }> {
    const { product, customer } = this.participants;
    const now = this.clock.now();
    const windowHours = permissionWindowHours(product);
    const since = new Date(now.getTime() - windowHours * 3_600_000).toISOString();
    const earlier = await this.grants.listGrants({ customerId: customer._id, since });
    const again = this.asksAgain(action);
    const standing = again ? undefined : this.standingCheck(action);
    const unused = earlier.filter(
      (g) => g.call_id === this.callId && g.consumed_at === null && g.rules_hash === this.rulesHash,
    );
    // The same request's unused approval is not counted against it again; "another one" is.
    const open = again
      ? undefined
      : (unused.find((g) => standing?.grant_id !== undefined && g.grant_id === standing.grant_id) ??
        grantsFor(unused, action, undefined)[0]);
    const counted = countedAmounts(earlier, {
      callId: this.callId,
      productId: product._id,
      rulesHash: this.rulesHash,
      ...(open ? { except: open.grant_id } : {}),
    });
    // Facts before actions, each bound only stricter than the engine: money back never above what
    // this call's queries showed was paid; no booking, order or account changed that no lookup
    // found under the caller; no part of a refund approved while the whole waits for a
    // supervisor; no invoice for what was not paid.
    const queries = this.record.system_queries;
    const ledger = requestLedger(this.record);
    let decision = checkPermission(this.rules, action, {
      counted,
      windowHours,
      caller: this.caller,
      facts: statesShown(queries, this.clock.now()),
      today: localMinute(this.clock.now()),
      moneyOwed: moneyOwedShown(queries),
    });
    decision = boundByVerifiedCharge(decision, queries, this.payable());
    decision = boundByOwedTotal(decision, queries, counted);
    const callerWords = this.record.conversation.findLast((t) => t.role === 'customer')?.content;
    decision = boundByHeldBooking(decision, { queries, rules: this.rules, ledger, callerWords });
    decision = boundByPendingRefund(decision, ledger, callerWords);
    decision = boundByInvoicedAmount(decision, queries, this.rules);
    // Decided the same way as the standing request it repeats: that check stands for both. A
    // refusal asked for again is refused and recorded again (it opens nothing): the audit trail
    // shows the caller pressed.
    if (
      standing &&
      decision.status !== 'forbidden' &&
      standing.status === decision.status &&
      standing.rule === decision.rule
    ) {
      return {
        ...decision,
        action: standing.action,
        ...(standing.grant_id ? { grant_id: standing.grant_id } : {}),
        repeated: true,
      };
    }
    const part = grantablePart(decision);
    let grant = part ? open : undefined;
    if (part && !grant) {
      grant = newGrant({
        callId: this.callId,
        customer,
        product,
        action,
        part,
        rule: decision.rule,
        rulesHash: this.rulesHash,
        now,
      });
      await this.grants.putGrant(grant);
    }
    if (decision.status === 'can_approve_immediately' && !part) decision = severalActionsNote(decision);
    // A supervisor's decision is asked for at once: the request waits in their inbox, due when
    // the product's SLA promises an answer.
    const approvals = approvalRequestsFor({
      product,
      customer,
      phone: this.participants.phone,
      callId: this.callId,
      language: this.record.language,
      decision,
      rulesHash: this.rulesHash,
      queries: this.record.system_queries,
      raisedBy: this.raisedBy,
      now,
    });
    await putApprovalRequests(this.workflow, approvals);
    // The request's amount: its one part's, or the one amount of several parts (退订 and 按规则退款的
    // 整笔698元 asked together), so that a part of that sum asked later is seen to split it.
    const amounts = decision.parts.flatMap((p) => (p.amount ? [p.amount] : []));
    const amount = amounts.length === 1 ? amounts[0] : undefined;
    const record: PermissionCheckRecord = {
      action: decision.action,
      status: decision.status,
      rule: decision.rule,
      reason: decision.reason,
      ...(decision.counted ? { counted: decision.counted } : {}),
      ...(grant ? { grant_id: grant.grant_id } : {}),
      ...(approvals.length > 0 ? { approval_ids: approvals.map((a) => a.id) } : {}),
      // The ledger names the request by its label; kept only when it says more than the action.
      ...(decision.label && decision.label !== decision.action.trim() ? { label: decision.label } : {}),
      ...(amount ? { amount: { value: amount.value, unit: amount.unit } } : {}),
      turn: this.turn,
      at: this.now(),
    };
    this.append('permission_checks', record);
    const { turn: _t, at: _a, ...event } = record;
    this.emit({ type: 'permission_check', ...event });
    if (grant && grant !== open) {
      this.append('grants', grant);
      this.emit({
        type: 'grant',
        grant_id: grant.grant_id,
        action: decision.action,
        amount: grant.amount,
        rule: grant.rule,
      });
    }
    return grant ? { ...decision, grant_id: grant.grant_id } : decision;
  }

  /** 再退款90元: the action, or the caller's words this turn (an agent checks labels), ask for another. */
  private asksAgain(action: string): boolean {
    const said = this.record.conversation.findLast((t) => t.role === 'customer')?.content ?? '';
    return AGAIN.test(action) || AGAIN.test(said);
  }

  /**
   * The earlier check of this call the action repeats: the same words, or the same label and
   * amount, of a request still standing (not carried out, not withdrawn). Whether it is decided
   * the same way now is for the caller to compare: the same words about someone else are not.
   */
  private standingCheck(action: string): PermissionCheckRecord | undefined {
    const checks = this.record.permission_checks;
    if (checks.length === 0) return undefined;
    const probe = checkPermission(this.rules, action, { caller: this.caller });
    const label = probe.label || probe.action.trim();
    const amount = probe.parts.length === 1 ? probe.parts[0]?.amount : undefined;
    // The first entries of the ledger are the checks, in their order.
    const ledger = requestLedger(this.record);
    for (let i = checks.length - 1; i >= 0; i--) {
      const check = checks[i]!;
      const entry = ledger[i]!;
      if (entry.carried_out || entry.withdrawn) continue;
      const same = check.action.trim() === action.trim() || entry.what === label;
      if (same && sameAmount(entry.amount, amount)) return check;
    }
    return undefined;
  }

  /**
   * Carries out one action only by using up an unused grant of this call for it: the engine,
   * not the speaker, decides what may be done, and each approval does it once. The grant is
   * consumed in the store before anything changes, so among processes acting on one approval at
   * once exactly one carries it out. A text asking for several actions is refused: each needs
   * its own check and its own act.
   */
  async performApprovedAction(action: string): Promise<ApprovedActionResult> {
    const requests = findActionRequests(action);
    if (requests.length > 1) throw noGrant(action, 'several');
    // 退款15元到我老婆的卡上: an approval of 退款15元 does not carry over to someone else.
    if (findOtherParty(action, this.caller)) throw aboutSomeoneElse(action, 'act');
    const { product, customer, phone } = this.participants;
    const mine = await this.grants.listGrants({ customerId: customer._id, callId: this.callId });
    const candidates = grantsFor(
      mine.filter((g) => g.consumed_at === null && g.product_id === product._id),
      action,
      requests[0],
    );
    // An approval whose request the caller withdrew is void.
    const withdrawn = new Set(this.record.withdrawals.map((w) => w.grant_id));
    const standing = candidates.filter((g) => !withdrawn.has(g.grant_id));
    const usable = standing.filter((g) => g.rules_hash === this.rulesHash);
    if (usable.length === 0) throw noGrant(action, standing.length > 0 ? 'rules_changed' : 'none');
    let grant: Grant | undefined;
    for (const candidate of usable) {
      // On disk before the backend hears of it: an action cut short by a crash still shows in the
      // recovered session, marked unconfirmed. Journaled before the grant is consumed, so the
      // journal's flush and the grant's own (which consuming waits for) overlap: an action turn
      // waits for the disk once. A grant another process consumed first is marked not started;
      // a crash before that mark is on disk shows the action unconfirmed, which asks a person
      // to check rather than claiming anything.
      this.journalOnly({
        list: 'action_started',
        entry: { action, grant_id: candidate.grant_id, turn: this.turn },
      });
      const [consumed] = await Promise.all([
        this.grants.consumeGrant({
          grantId: candidate.grant_id,
          customerId: customer._id,
          consumedAt: this.clock.now().toISOString(),
          consumedBy: consumerName(),
        }),
        this.durable(),
      ]);
      grant = consumed;
      if (grant) break;
      this.journalOnly({ list: 'action_not_started', entry: { grant_id: candidate.grant_id } });
    }
    if (!grant) throw noGrant(action, 'none');
    const outcome = await this.backend.applyApprovedAction({
      product,
      phone,
      concept: grant.concept,
      action,
      // The grant is consumed once: its id names this one carrying-out to the system.
      idempotencyKey: grant.grant_id,
      language: this.record.language,
      ...(grant.amount ? { quantity: { value: grant.amount.value, unit: grant.amount.unit } } : {}),
    });
    const { changed, description } = outcome;
    this.append('actions_performed', { action, description, turn: this.turn, grant_id: grant.grant_id });
    this.emit({ type: 'action', action, changed, description, grant_id: grant.grant_id });
    return { changed, description, ...(outcome.already ? { already: true } : {}) };
  }

  /**
   * Opens a ticket (工单) and records it. A ticket for what the engine forbids (another person's
   * data, a product's forbidden action) is refused: a forbidden request gets an apology, not a
   * ticket, whoever opens it. The summary is a label (账户注销, 退款200元): an over-long one, a
   * caller's whole sentence, is cut to its first clause. A checked request asked again keeps
   * the ticket it already has: that ticket comes back, no second one is opened.
   */
  openTicket(input: { kind: TicketRecord['kind']; summary: string }): TicketRecord {
    // The whole summary is judged: its other-party words may sit after the first clause. Against
    // the same facts as the request's check: a role the records show (a registered guardian) may
    // lift a ban the words alone would keep.
    const judged = checkPermission(this.rules, input.summary, {
      caller: this.caller,
      facts: statesShown(this.record.system_queries, this.clock.now()),
      today: localMinute(this.clock.now()),
    });
    if (judged.status === 'forbidden') {
      throw aboutSomeoneElse(input.summary, 'ticket');
    }
    const summary = ticketSummary(input.summary, this.caller.callerName);
    const held = this.ticketHeld(input.kind, summary);
    if (held) return held;
    const id = `TK${compactDate(this.clock.now())}-${randomBytes(3).toString('hex').toUpperCase()}`;
    const ticket: TicketRecord = { id, kind: input.kind, summary };
    this.append('tickets', { ...ticket, turn: this.turn, at: this.now() });
    this.emit({ type: 'ticket', ...ticket });
    return ticket;
  }

  /** The open ticket of a checked request still standing that this summary names, if any. */
  private ticketHeld(kind: TicketRecord['kind'], summary: string): TicketRecord | undefined {
    const checks = this.record.permission_checks.length;
    const entry = requestLedger(this.record)
      .slice(0, checks)
      .findLast(
        (e) =>
          e.ticket_id !== undefined &&
          !e.withdrawn &&
          e.outcome === kind &&
          (e.what === summary || e.action.trim() === summary),
      );
    const ticket = entry && this.record.tickets.find((t) => t.id === entry.ticket_id);
    if (!ticket) return undefined;
    return { id: ticket.id, kind: ticket.kind, summary: ticket.summary };
  }

  /**
   * Withdraws a request of this call the caller no longer wants (算了 / 先不注销了 / never mind):
   * the one `text` names (by its label: 先不注销了 names 账户注销), or the newest still standing
   * when the text names no request. A ticket it opened is cancelled (`ticket_cancelled`), an
   * approval it got can no longer be carried out, and the review no longer counts it. Nothing
   * is checked or opened. Returns the withdrawn entry, or undefined when nothing is standing
   * (everything was carried out, refused or withdrawn already) or the text names another one.
   */
  withdrawRequest(input: { text?: string } = {}): RequestEntry | undefined {
    const standing = requestLedger(this.record).filter(
      (e) => !e.carried_out && !e.withdrawn && e.state !== 'refused',
    );
    if (standing.length === 0) return undefined;
    const said = input.text?.trim();
    const target = said ? this.requestNamedIn(said, standing) : standing.at(-1);
    if (!target) return undefined;
    const withdrawal: WithdrawalRecord = {
      action: target.action,
      what: target.what,
      ...(target.turn === undefined ? {} : { request_turn: target.turn }),
      ...(target.ticket_id === undefined ? {} : { ticket_id: target.ticket_id }),
      ...(target.grant_id === undefined ? {} : { grant_id: target.grant_id }),
      ...(target.approval_ids ? { approval_ids: target.approval_ids } : {}),
      ...(said ? { said } : {}),
      turn: this.turn,
      at: this.now(),
    };
    this.append('withdrawals', withdrawal);
    if (target.approval_ids) {
      const closing = this.withdrawApprovals(target.approval_ids);
      // Awaited (and its error raised) by `settled`; caught here so it is never unhandled.
      closing.catch(() => undefined);
      this.pending.push(closing);
    }
    this.emit({
      type: 'request_withdrawn',
      what: target.what,
      ...(target.ticket_id === undefined ? {} : { ticket_id: target.ticket_id }),
    });
    const ticket = this.record.tickets.find((t) => t.id === target.ticket_id);
    if (ticket) {
      this.emit({ type: 'ticket_cancelled', id: ticket.id, kind: ticket.kind, summary: ticket.summary });
    }
    return {
      ...target,
      withdrawn: true,
      state: 'withdrawn',
      ...(ticket ? { ticket_cancelled: true } : {}),
    };
  }

  /**
   * Closes the approval requests of a withdrawn request that no supervisor decided yet; one
   * decided meanwhile stays as decided (the caller hears its outcome as a notification).
   */
  private async withdrawApprovals(ids: readonly string[]): Promise<void> {
    const at = this.clock.now().toISOString();
    for (const id of ids) {
      await this.workflow.changeWork('approval', id, (doc) => {
        const request = approvalOf(doc);
        if (request.state !== 'pending') return undefined;
        const moved = transition(request, 'withdrawn', {
          who: this.raisedBy,
          why: 'the caller withdrew the request in the call',
          at,
        });
        return { doc: approvalDoc(moved.request), audit: moved.audit };
      });
    }
  }

  /**
   * Delivers into the call the notifications of its approval requests decided while it is open
   * (a supervisor approved the refund asked for ten minutes ago): each once, as a `notification`
   * event, recorded in the call. Undelivered ones stay in the customer's history.
   */
  async deliverNotifications(): Promise<CallNotificationRecord[]> {
    const ids = new Set(this.record.permission_checks.flatMap((c) => c.approval_ids ?? []));
    if (ids.size === 0) return [];
    const fresh = await this.workflow.listWork('notification', {
      customerId: this.participants.customer._id,
      state: 'new',
    });
    const delivered: CallNotificationRecord[] = [];
    // The decision before what came of it: a refund approved and carried out at once makes two
    // notifications of one millisecond, which the store lists by their random ids.
    const stage = (doc: (typeof fresh)[number]) => (doc.news === 'approved' ? 0 : 1);
    fresh.sort((a, b) =>
      a.created_at === b.created_at ? stage(a) - stage(b) : a.created_at < b.created_at ? -1 : 1,
    );
    for (const doc of fresh) {
      const approvalId = String(doc.approval_id ?? '');
      if (doc.call_id !== this.callId || !ids.has(approvalId)) continue;
      const at = this.clock.now().toISOString();
      let mine = false;
      await this.workflow.changeWork('notification', doc.id, (current) => {
        if (current.state !== 'new') return undefined;
        mine = true;
        return {
          doc: { ...current, state: 'delivered_in_call', updated_at: at },
          audit: {
            at,
            kind: 'notification',
            item_id: doc.id,
            who: this.raisedBy,
            from: 'new',
            to: 'delivered_in_call',
            why: `told in call ${this.callId}`,
          },
        };
      });
      if (!mine) continue;
      const entry: CallNotificationRecord = {
        notification_id: doc.id,
        approval_id: approvalId,
        content: String(doc.content ?? ''),
        turn: this.turn,
        at: this.now(),
      };
      this.append('notifications', entry);
      this.emit({ type: 'notification', approval_id: approvalId, content: entry.content });
      delivered.push(entry);
    }
    return delivered;
  }

  /** Waits for the store writes synchronous tools started (a withdrawal's approval requests). */
  async settled(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
  }

  /** The standing request a withdrawal's words name; the newest when they name none. */
  private requestNamedIn(said: string, standing: readonly RequestEntry[]): RequestEntry | undefined {
    const exact = standing.findLast((e) => e.action.trim() === said || e.what === said);
    if (exact) return exact;
    // 先不注销了 names 注销: read without the words that take it back (the engine reads 不注销 as
    // nothing asked).
    const decided = checkPermission(this.rules, withoutTakingBack(said), { caller: this.caller });
    const label = decided.label ?? '';
    const named = label !== '' && (decided.rule !== null || decided.parts.some((p) => p.concept));
    if (!named) return standing.at(-1);
    const labels = label.split(/[；;]\s*/).filter((l) => l !== '');
    return standing.findLast((e) =>
      labels.some((l) => e.what === l || e.what.includes(l) || l.includes(e.what)),
    );
  }

  /**
   * Builds the knowledge index now rather than on the first question, so no customer turn
   * pays for it (tens of ms for a 500-entry FAQ).
   */
  prepareKnowledge(): void {
    this.knowledge ??= buildKnowledgeIndex(this.participants.product);
  }

  searchKnowledge(query: string, limit = 3): KnowledgeHit[] {
    this.knowledge ??= buildKnowledgeIndex(this.participants.product);
    return this.knowledge.search(query, limit);
  }

  /** The agent's view of the call. */
  context(): CallContext {
    const { product, operator, customer, phone, coldStart } = this.participants;
    const tools: CallTools = {
      querySystem: (input) => this.querySystem(input),
      checkPermission: async (action) => {
        const d = await this.checkPermission(action);
        return {
          action: d.action,
          status: d.status,
          rule: d.rule,
          reason: d.reason,
          parts: d.parts,
          ...(d.repeated ? { repeated: true as const } : {}),
        };
      },
      performApprovedAction: (action) => this.performApprovedAction(action),
      openTicket: (input) => this.openTicket(input),
      withdrawRequest: (input) => this.withdrawRequest(input),
      searchKnowledge: (query, limit) => this.searchKnowledge(query, limit),
    };
    const record = this.record;
    return {
      product,
      operator,
      customer,
      phone,
      coldStart,
      language: this.record.language,
      conversation: this.record.conversation,
      systemQueries: this.record.system_queries,
      now: () => this.clock.now(),
      permissionChecks: this.record.permission_checks,
      tickets: this.record.tickets,
      actionsPerformed: this.record.actions_performed,
      withdrawals: this.record.withdrawals,
      // Read when asked: the ledger as it stands after the tools used so far.
      get requests() {
        return requestLedger(record);
      },
      learned: this.record.learned,
      rules: () => this.rules,
      tools,
    };
  }
}

/** Words that make a request a new one of the same kind (再退款90元), not the earlier asked again. */
const AGAIN =
  /再(?:次|一次|来|多|给|帮|退|申请|要|办|扣|加|补|赔)|又(?:要|退|申请|来)|另外(?:再)?(?:退|给|申请|要)|另一|\bagain\b|\banother\b|\bone more\b/i;

function sameAmount(
  a: { value: number; unit: string } | undefined,
  b: { value: number; unit: string } | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.unit === b.unit && Math.abs(a.value - b.value) < 0.005;
}

/** A clause that opens a line without saying what is wanted (喂, 姑娘, 行, Fine, 我叫王芳, hi there). */
const FILLER_CLAUSE =
  /^(?:(?:喂|你好|您好|哈喽|嗨|在吗|姑娘|师傅|美女|帅哥|老师|小姐|先生|同志|亲|老板|阿姨|叔叔|大姐|大哥|大爷|大妈|姐姐|妹子|老妹儿?|妹儿|闺女|靓女|靓仔|小妹|小姑娘|小伙子|领导|介么着|这么着|是这么回事|咁|[我俺]?(?:跟|和)?(?:你|您)?(?:问|求|打听)(?:下子?|一下|(?:你|您)?(?:个|一个|件)?事儿?)|行|好|好的|嗯|哦|噢|唉|哎|那个|是这样的?|是咁的|系咁嘅|我?(?:跟|和|给)你(?:讲|说)|你听我(?:讲|说)|我想问下?|请问|[我俺](?:叫|姓)[\p{Script=Han}]{1,4}|[我俺]是(?!想|要|说|问|来|在|不|没|因为)[\p{Script=Han}]{1,4}|咁好啦|好啦|好嘞|得嘞|行吧|那好吧|好嘅|多谢晒|多谢|谢谢|唔该晒?|hi|hello|hey|yo|hiya|dear|mate|bro|sis|love|dude|guys|sir|ma'am|ok|okay|fine|right|well|so|yeah|yes|alright|thanks?(?: you)?(?: so much)?|cheers|ta|oh|ah|aw|och|um+|uh+|my name is [a-z' -]+)[\s啊呀呢吧了哈嘛咯]*)+$/iu;

/** A Chinese clause of at most three characters and no number (闺女, 介么着, 咁). */
const TOO_SHORT_ZH = /^[\p{Script=Han}]{1,3}$/u;

/** Longer than this, a ticket summary is a sentence, not a label. */
const SUMMARY_MAX = 30;

/**
 * A ticket's summary as a label: as given when short, else its first clause (at most
 * SUMMARY_MAX characters). 账户注销 stays; 我想把账户注销了，因为… becomes 我想把账户注销了.
 */
export function ticketSummary(summary: string, callerName?: string): string {
  const text = summary.trim().replace(/\s+/g, ' ');
  if ([...text].length <= SUMMARY_MAX) return text;
  const clauses = text.split(/[，,。；;！!？?\n…]|\.(?:\s|$)/).filter((c) => c.trim() !== '');
  // 喂，你好，我叫…，能不能…: the first clause that says what is wanted, not a greeting, a way of
  // addressing the agent, an assent or who the caller is (我是房东, 我何志伟: their name and little else).
  const introduces = (c: string): boolean =>
    callerName !== undefined &&
    callerName.length >= 2 &&
    c.includes(callerName) &&
    c.length <= callerName.length + 3;
  const said = clauses.filter((c) => !FILLER_CLAUSE.test(c.trim()) && !introduces(c.trim()));
  // 闺女，我问你个事儿: a clause of three characters or fewer names nothing a label could (a word of
  // address, a dialect's "here's the thing"), when a longer one follows.
  const first = said.find((c) => !TOO_SHORT_ZH.test(c.trim())) ?? said[0] ?? clauses[0] ?? text;
  const chars = [...first.trim()];
  return chars.length <= SUMMARY_MAX ? chars.join('') : `${chars.slice(0, SUMMARY_MAX).join('')}…`;
}

/** The refusal of a ticket or an act for what the engine forbids. */
function aboutSomeoneElse(text: string, what: 'act' | 'ticket'): CsError {
  const t = text.trim();
  return what === 'act'
    ? new CsError(
        'E_REFUSED',
        `"${t}"涉及他人信息，禁止办理 / "${t}" is about someone else's data: it is forbidden and cannot be carried out.`,
      )
    : new CsError(
        'E_REFUSED',
        `"${t}"属于禁止操作，不能登记工单 / "${t}" is forbidden: no ticket is opened for it; tell the caller it cannot be done.`,
      );
}
