import type { Language } from '../domain/language.js';
import type { Customer, Operator, PermissionCategory, Product } from '../domain/record-schemas.js';
import type {
  ConversationTurn,
  PermissionCheckRecord,
  RequestEntry,
  Review,
  SystemQueryRecord,
  TicketRecord,
  WithdrawalRecord,
} from '../domain/session-schemas.js';
import type { KnowledgeHit } from '../knowledge/knowledge-hit.js';
import type { CompiledRules } from '../permissions/index.js';
import type { ApprovedActionResult } from '../systems/mock-backend.js';

/** What carrying out an approved action did (the systems' own result, as agents see it). */
export type { ApprovedActionResult };

/**
 * What an agent may do during a call. Every tool records what it did into the call (and emits
 * its event), so whoever speaks is held to the same engines: facts come from `querySystem`,
 * authority from `checkPermission`.
 */
export interface CallTools {
  /** Queries one of the product's system interfaces for the caller. Failed queries come back ok:false. */
  querySystem(input: { interfaceName: string; params?: Record<string, string> }): Promise<SystemQueryRecord>;
  /**
   * Checks an action against the product's rules (limits add up over the call and the
   * customer's recent calls); the decision is recorded (unless it repeats a standing request:
   * `repeated`), and an approval of one action is a single-use grant for `performApprovedAction`.
   */
  checkPermission(action: string): Promise<
    PermissionCheckRecord & {
      parts: Array<{ text: string; status: PermissionCategory }>;
      /** The request repeats one of this call still standing: its check stands, nothing new is recorded. */
      repeated?: true;
    }
  >;
  /**
   * Carries out one action that `checkPermission` approved in this call (changes mock state),
   * using its approval up. Refuses (CsError E_REFUSED) without an unused approval for it, and
   * for a text asking for several actions.
   */
  performApprovedAction(action: string): Promise<ApprovedActionResult>;
  /** Opens a ticket (工单) for supervisor approval or a formal process. */
  openTicket(input: { kind: TicketRecord['kind']; summary: string }): TicketRecord;
  /**
   * Withdraws a request the caller no longer wants (算了 / 先不注销了 / never mind): the one `text`
   * names, else the newest still standing. Its ticket is cancelled and its approval voided;
   * nothing new is checked or opened. Undefined when no standing request matches.
   */
  withdrawRequest(input?: { text?: string }): RequestEntry | undefined;
  /** Retrieval over the product's faq / common issues / solutions. */
  searchKnowledge(query: string, limit?: number): KnowledgeHit[];
}

/** What an agent sees of the call: records, language and everything said and done so far. */
export interface CallContext {
  product: Product;
  operator: Operator;
  customer: Customer;
  /** The caller's normalised phone. */
  phone: string;
  coldStart: boolean;
  language: Language;
  conversation: readonly ConversationTurn[];
  systemQueries: readonly SystemQueryRecord[];
  permissionChecks: readonly PermissionCheckRecord[];
  tickets: readonly TicketRecord[];
  /** Actions carried out in this call after an approved check. */
  actionsPerformed?: ReadonlyArray<{ action: string; description: string; turn: number; grant_id?: string }>;
  /** Requests the caller withdrew in this call. */
  withdrawals?: readonly WithdrawalRecord[];
  /**
   * The call's request ledger as it stands now (see `requestLedger`): each request once, with
   * its rule, ticket, and whether it was carried out or withdrawn.
   */
  readonly requests?: readonly RequestEntry[];
  /** What the agent learned about the caller so far (real name, preferences ...). */
  learned: Record<string, unknown>;
  /**
   * The product's compiled rules, as the call's own checks use them (compiled once, from the
   * database's cache where there is one): an agent that reads a request against the rules
   * before checking it uses these rather than compiling the rules again.
   */
  rules?: () => CompiledRules;
  /**
   * The call's clock: what a caller's 这个月 / 25号 / last month means, and whether a warranty
   * date has passed, are read against it (a test's fixed clock too). The system clock without it.
   */
  now?: () => Date;
  tools: CallTools;
}

/**
 * Whoever speaks for the operator: the built-in rules agent or an LLM agent. The call session
 * owns recording and saving; an agent only decides what to say, through the tools.
 */
export interface CallAgent {
  readonly kind: 'rules' | 'llm';
  greet(context: CallContext): Promise<string>;
  /** The reply to one customer utterance; `onDelta` streams text in a terminal when supported. */
  reply(
    context: CallContext,
    utterance: string,
    options?: { onDelta?: (text: string) => void },
  ): Promise<string>;
  /** The end-of-call review (validated against ReviewSchema by the caller). */
  review(context: CallContext): Promise<Review>;
}
