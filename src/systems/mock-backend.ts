import { amountOf, entryId, unrefunded } from '../domain/charge-entries.js';
import { type Clock, isoTimestamp, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { Language } from '../domain/language.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import type { ApiInterface, Product } from '../domain/record-schemas.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import type { RecordStore } from '../store/record-store.js';
import { productInterfaces } from './_interfaces.js';
import { localDate, productLanguage, roundMoney } from './_mock-language.js';
import { CHARGE_LISTS, declaresPlans, planViews } from './_mock-shapes.js';
import { lowerTotals } from './_mock-totals.js';
import { filterMockResponse, filterParams } from './filter-mock-response.js';
import { generateMockResponse } from './generate-mock-response.js';
import type { ResolvedQuery } from './resolve-query.js';

/** Runs a resolved query against a system: the mock state or a real HTTP API. */
export interface SystemBackend {
  /** Never throws for a failed upstream: returns `ok: false` with an error instead. */
  query(resolved: ResolvedQuery, ctx: { product: Product; phone: string }): Promise<SystemQueryRecord>;
}

/** An action the permission engine approved, to be reflected in the mock systems. */
export interface ApprovedActionInput {
  product: Product;
  phone: string;
  /** cancel_auto_renew, cancel_subscription, refund, reset_password; others change nothing. */
  concept: string;
  quantity?: { value: number; unit: string };
  /** The action as the caller asked for it (e.g. 关闭超级会员的自动续费). */
  action: string;
  /**
   * Names one carrying-out: the same key again (a retried or reconciled execution) returns the
   * first result and changes nothing (the mock state keeps the keys it applied).
   */
  idempotencyKey?: string;
  /** The language to describe the outcome in (the call's); the product's by default. */
  language?: Language;
}

export interface ApprovedActionResult {
  changed: boolean;
  /** One short line in the product's language, e.g. 已关闭超级会员的自动续费. */
  description: string;
  /**
   * Nothing changed because the system already was as asked (auto-renewal already off, the
   * charge already refunded): the caller is told so, unlike a change the system cannot record.
   */
  already?: boolean;
}

/** A backend that can also change its state when an approved action is carried out. */
export interface MockCapableBackend extends SystemBackend {
  applyApprovedAction(input: ApprovedActionInput): Promise<ApprovedActionResult>;
}

export interface MockBackendOptions {
  store: RecordStore;
  clock?: Clock;
  /**
   * When true, approved actions change only interfaces with `mock_enabled: true`: a real
   * system is changed by its own process, never by us pretending.
   */
  onlyMockEnabled?: boolean;
}

/**
 * The mock systems: responses generated once per product, caller and interface, then stored
 * (store.updateMockState) so they stay the same across processes; fixed responses set with
 * `cs mock set` are returned as they are; approved actions change the stored state.
 *
 * @example const backend = createMockBackend({ store });
 *   await backend.query(resolveQuery({ product, phone, interfaceName: 'user_subscription' }), { product, phone });
 */
export function createMockBackend(options: MockBackendOptions): MockCapableBackend {
  const { store } = options;
  const clock = options.clock ?? systemClock;

  async function lookUpCustomerName(phone: string): Promise<string | undefined> {
    // The indexed lookup first (listing every customer cost a turn tens of ms on the file store):
    // phones are unique once normalised, so no customer there means none with this exact phone.
    const found = await store.findCustomerByPhone(phone).catch(() => null);
    if (found === undefined) return undefined;
    if (found !== null && found.phone === phone && typeof found.name === 'string') return found.name;
    const summaries = await store.summaries('customer');
    return summaries.find((s) => s.phone === phone)?.name;
  }

  // A turn often generates several interfaces' responses for one caller (each new interface of a
  // product with many): the name is looked up once and reused for a few seconds, not read from
  // the index again for each (four file reads a time on the file store).
  const names = new Map<string, { at: number; name: Promise<string | undefined> }>();
  function customerName(phone: string): Promise<string | undefined> {
    const now = clock.now().getTime();
    const known = names.get(phone);
    if (known && now - known.at >= 0 && now - known.at < NAME_REUSE_MS) return known.name;
    const name = lookUpCustomerName(phone);
    if (names.size >= 64) names.clear();
    names.set(phone, { at: now, name });
    // A failed lookup is not remembered: the next generation tries again.
    name.catch(() => names.delete(phone));
    return name;
  }

  /** The interfaces whose state the mock backend keeps and changes for this product. */
  function mockScope(product: Product): Array<[string, ApiInterface]> {
    return Object.entries(productInterfaces(product)).filter(
      ([, d]) => !options.onlyMockEnabled || d.mock_enabled,
    );
  }

  async function ensureResponse(
    product: Product,
    phone: string,
    interfaceName: string,
    definition: ApiInterface,
  ): Promise<unknown> {
    const stored = await store.getMockState(product._id, phone);
    const found = stored?.[interfaceName];
    if (found !== undefined) return found;
    const name = await customerName(phone);
    const now = clock.now();
    // Every response the caller's state lacks is generated now and stored in one write: a later
    // query of another interface reads it instead of writing again (each write is a file
    // store's lock and rename on the turn's path). Generation is seeded by product, interface
    // and phone: each response is the one its own first query would have made, dated from now.
    const missing: Array<[string, ApiInterface]> = [
      [interfaceName, definition],
      ...mockScope(product).filter(([n]) => n !== interfaceName && stored?.[n] === undefined),
    ];
    const generated = missing.map(([n, d]): [string, Record<string, unknown>] => [
      n,
      generateMockResponse({
        product,
        interfaceName: n,
        definition: d,
        phone,
        now,
        ...(name === undefined ? {} : { customerName: name }),
        // Responses fixed for the caller (`cs mock set`): a bill generated now charges for the
        // subscriptions they hold.
        ...(stored === undefined ? {} : { stored }),
      }),
    ]);
    // Another process may have generated some meanwhile: the first one stored wins.
    const state = await store.updateMockState(product._id, phone, (current) => {
      const added = generated.filter(([n]) => current?.[n] === undefined);
      return current !== undefined && added.length === 0
        ? current
        : { ...current, ...Object.fromEntries(added) };
    });
    return state[interfaceName];
  }

  return {
    async query(resolved, ctx) {
      const response = await ensureResponse(
        ctx.product,
        ctx.phone,
        resolved.interfaceName,
        resolved.definition,
      );
      return {
        interface: resolved.interfaceName,
        method: resolved.method,
        endpoint: resolved.endpoint,
        purpose: resolved.definition.description,
        mock: true,
        ok: true,
        // Filter parameters (date=2026-11-11, month, status …) narrow the answer as a real system would.
        response: filterMockResponse(structuredClone(response), filterParams(resolved)),
        at: clock.now().toISOString(),
      };
    },

    async applyApprovedAction(input) {
      const lang = input.language ?? productLanguage(input.product);
      const concept = normaliseConcept(input.concept);
      const handler = ACTIONS[concept];
      if (!handler) {
        return {
          changed: false,
          description:
            lang === 'zh' ? `${input.action}：无需更改系统数据` : `${input.action}: no system data to change`,
        };
      }
      const scope = mockScope(input.product);
      const name = await customerName(input.phone);
      const now = clock.now();
      const generate = (interfaceName: string, definition: ApiInterface) =>
        generateMockResponse({
          product: input.product,
          interfaceName,
          definition,
          phone: input.phone,
          now,
          ...(name === undefined ? {} : { customerName: name }),
        });
      const run = (current: Record<string, unknown> | undefined) =>
        handler({ input, lang, now, scope, current: current ?? {}, generate });
      // A dry run on the current state first: an action that changes nothing writes nothing.
      const key = input.idempotencyKey;
      const stored = await store.getMockState(input.product._id, input.phone);
      const done = key === undefined ? undefined : appliedResult(stored, key);
      if (done) return done;
      const dry = run(stored);
      if (!dry.result.changed) return dry.result;
      let result = dry.result;
      // Again under the store's lock, in case another process changed the state meanwhile.
      await store.updateMockState(input.product._id, input.phone, (current) => {
        const earlier = key === undefined ? undefined : appliedResult(current, key);
        if (earlier) {
          result = earlier;
          return current ?? {};
        }
        const outcome = run(current);
        result = outcome.result;
        if (key === undefined) return outcome.state;
        const applied = { ...((current?.[APPLIED] as Record<string, unknown> | undefined) ?? {}) };
        applied[key] = outcome.result;
        return { ...outcome.state, [APPLIED]: applied };
      });
      return result;
    },
  };
}

/** Where a caller's mock state keeps the idempotency keys of the actions applied to it. */
const APPLIED = '_applied_actions';

function appliedResult(
  state: Record<string, unknown> | undefined,
  key: string,
): ApprovedActionResult | undefined {
  const applied = state?.[APPLIED] as Record<string, ApprovedActionResult> | undefined;
  return applied?.[key];
}

/** How long a caller's looked-up name is reused for generating responses. */
const NAME_REUSE_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Approved actions

interface ActionContext {
  input: ApprovedActionInput;
  lang: 'zh' | 'en';
  now: Date;
  scope: Array<[string, ApiInterface]>;
  current: Record<string, unknown>;
  generate: (interfaceName: string, definition: ApiInterface) => Record<string, unknown>;
}

type ActionHandler = (ctx: ActionContext) => { state: Record<string, unknown>; result: ApprovedActionResult };

const CONCEPT_ALIASES: Record<string, string> = {
  cancel_autorenew: 'cancel_auto_renew',
  disable_auto_renew: 'cancel_auto_renew',
  turn_off_auto_renew: 'cancel_auto_renew',
  stop_auto_renew: 'cancel_auto_renew',
  auto_renew_off: 'cancel_auto_renew',
  password_reset: 'reset_password',
  unsubscribe: 'cancel_subscription',
};

function normaliseConcept(concept: string): string {
  const key = concept
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  return CONCEPT_ALIASES[key] ?? key;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The stored (or, when absent, freshly generated) response of each interface in scope that the
 * test picks out by its declared fields or, once stored, by what it holds.
 */
function responsesWhere(
  ctx: ActionContext,
  declares: (fields: readonly string[]) => boolean,
): Array<{ name: string; response: Record<string, unknown> }> {
  const found: Array<{ name: string; response: Record<string, unknown> }> = [];
  for (const [name, definition] of ctx.scope) {
    const stored = ctx.current[name];
    if (stored === undefined && !declares(definition.response_fields)) continue;
    const response = structuredClone(stored === undefined ? ctx.generate(name, definition) : stored);
    if (isRecord(response)) found.push({ name, response });
  }
  return found;
}

/**
 * Changes the caller's plans: every item of a subscription list, and the single plan a response
 * is about (a `plan` object and/or top-level `auto_renew`/`status`, changed together). An action
 * that names a plan (关闭超级会员的自动续费) changes that one only.
 */
function changeSubscriptions(
  ctx: ActionContext,
  change: (sub: Record<string, unknown>) => boolean,
  words: { zhDone: string; zhAlready: string; enDone: string; enAlready: string },
): { state: Record<string, unknown>; result: ApprovedActionResult } {
  const { lang } = ctx;
  const state = { ...ctx.current };
  const changed = new Set<string>();
  const unchanged = new Set<string>();
  for (const holder of responsesWhere(ctx, declaresPlans)) {
    const views = planViews(holder.response);
    if (views.length === 0) continue;
    const named = views.filter(
      ({ item }) => typeof item.name === 'string' && item.name !== '' && ctx.input.action.includes(item.name),
    );
    for (const view of named.length > 0 ? named : views) {
      const label = String(view.item.name ?? (lang === 'zh' ? '订阅' : 'subscription'));
      if (change(view.item)) {
        view.commit();
        changed.add(label);
      } else unchanged.add(label);
    }
    state[holder.name] = holder.response;
  }
  const join = (names: Set<string>) => [...names].join(lang === 'zh' ? '、' : ', ');
  if (changed.size > 0) {
    return {
      state,
      result: {
        changed: true,
        description:
          lang === 'zh'
            ? words.zhDone.replace('{names}', join(changed))
            : words.enDone.replace('{names}', join(changed)),
      },
    };
  }
  if (unchanged.size > 0) {
    return {
      state,
      result: {
        changed: false,
        already: true,
        description:
          lang === 'zh'
            ? words.zhAlready.replace('{names}', join(unchanged))
            : words.enAlready.replace('{names}', join(unchanged)),
      },
    };
  }
  return {
    state: ctx.current,
    result: {
      changed: false,
      description:
        lang === 'zh'
          ? '系统中没有该客户的订阅，未做更改'
          : 'No subscriptions on record for this caller; nothing changed',
    },
  };
}

const MONEY_UNIT = /^(|元|块|块钱|人民币|rmb|cny|¥|￥|yuan|\$|usd|dollars?|美元|us\$)$/i;
const DOLLAR_UNIT = /^(\$|usd|dollars?|美元|us\$)$/i;

function formatMoney(value: number, unit: string, lang: 'zh' | 'en'): string {
  const dollars = DOLLAR_UNIT.test(unit.trim());
  if (lang === 'zh') return dollars ? `${value}美元` : `${value}元`;
  return dollars || unit.trim() === '' ? `$${value.toFixed(2)}` : `¥${value.toFixed(2)}`;
}

const ACTIONS: Record<string, ActionHandler> = {
  cancel_auto_renew: (ctx) =>
    changeSubscriptions(
      ctx,
      (sub) => {
        if (sub.auto_renew === false) return false;
        sub.auto_renew = false;
        return true;
      },
      {
        zhDone: '已关闭{names}的自动续费',
        zhAlready: '{names}的自动续费已是关闭状态，无需更改',
        enDone: 'Turned off auto-renewal for {names}',
        enAlready: 'Auto-renewal for {names} was already off; nothing changed',
      },
    ),

  cancel_subscription: (ctx) =>
    changeSubscriptions(
      ctx,
      (sub) => {
        if (sub.status === 'cancelled') return false;
        sub.status = 'cancelled';
        sub.auto_renew = false;
        return true;
      },
      {
        zhDone: '已取消{names}',
        zhAlready: '{names}已是取消状态，无需更改',
        enDone: 'Cancelled {names}',
        enAlready: '{names} was already cancelled; nothing changed',
      },
    ),

  refund: (ctx) => {
    const { input, lang, now } = ctx;
    const q = input.quantity;
    if (!q || !Number.isFinite(q.value) || q.value <= 0 || !MONEY_UNIT.test(q.unit.trim())) {
      return {
        state: ctx.current,
        result: {
          changed: false,
          description:
            lang === 'zh' ? '退款金额不明确，账单未更改' : 'No refund amount was given; billing unchanged',
        },
      };
    }
    const holder = responsesWhere(ctx, (fields) => fields.some((f) => CHARGE_LISTS.has(f)))
      .map(({ name, response }) => ({
        name,
        response,
        field: Object.keys(response).find((k) => CHARGE_LISTS.has(k) && Array.isArray(response[k])),
      }))
      .find(
        (h): h is { name: string; response: Record<string, unknown>; field: string } => h.field !== undefined,
      );
    if (!holder) {
      return {
        state: ctx.current,
        result: {
          changed: false,
          description:
            lang === 'zh'
              ? '此产品没有账单接口，退款未写入系统数据'
              : 'This product has no billing interface; the refund was not recorded',
        },
      };
    }
    const list = holder.response[holder.field] as unknown[];
    const amount = roundMoney(q.value);
    const today = localDate(now);
    // The charge given back: the newest not refunded yet of at least that amount. A list whose
    // every charge was refunded already gives nothing back twice.
    const positive = (e: unknown): e is Record<string, unknown> => isRecord(e) && (amountOf(e) ?? 0) > 0;
    const remaining = unrefunded(list).entries.filter(positive);
    if (remaining.length === 0 && list.some(positive)) {
      return {
        state: ctx.current,
        result: {
          changed: false,
          already: true,
          description:
            lang === 'zh'
              ? `账单上的扣费已经退过款，没有可以再退的${formatMoney(amount, q.unit, lang)}`
              : `The charges on the bill were already refunded; there is no ${formatMoney(amount, q.unit, lang)} left to refund`,
        },
      };
    }
    const target = remaining
      .filter((e) => (amountOf(e) ?? 0) >= amount)
      .sort((a, b) => (String(b.date ?? '') < String(a.date ?? '') ? -1 : 1))[0];
    const targetId = target === undefined ? undefined : entryId(target);
    const refund = {
      transaction_id: `R${today.replaceAll('-', '')}${String(list.length + 1).padStart(3, '0')}`,
      date: today,
      amount: -amount,
      description: lang === 'zh' ? `退款：${input.action}` : `Refund: ${input.action}`,
      type: 'refund',
      ...(targetId !== undefined ? { refund_of: targetId } : {}),
    };
    // Keep the list's order: generated lists are newest first.
    const first = list[0];
    const last = list[list.length - 1];
    const newestFirst =
      isRecord(first) && isRecord(last) && String(first.date ?? '') > String(last.date ?? '');
    if (newestFirst) list.unshift(refund);
    else list.push(refund);
    lowerTotals(holder.response, amount);
    const money = formatMoney(amount, q.unit, lang);
    return {
      state: { ...ctx.current, [holder.name]: holder.response },
      result: {
        changed: true,
        description:
          lang === 'zh' ? `已退款${money}，原路退回` : `Refunded ${money} to the original payment method`,
      },
    };
  },

  reset_password: (ctx) => {
    const { lang, now } = ctx;
    const profile = ctx.scope.find(
      ([name, d]) =>
        /profile|account|user_info|userinfo|member_info/i.test(name) ||
        d.response_fields.some((f) => f === 'name' || f === 'level'),
    );
    if (!profile) {
      return {
        state: ctx.current,
        result: {
          changed: false,
          description:
            lang === 'zh'
              ? '此产品没有账户资料接口，密码重置未写入系统数据'
              : 'This product has no profile interface; the password reset was not recorded',
        },
      };
    }
    const [name, definition] = profile;
    const stored = ctx.current[name];
    const response = structuredClone(stored === undefined ? ctx.generate(name, definition) : stored);
    if (!isRecord(response)) {
      return {
        state: ctx.current,
        result: {
          changed: false,
          description:
            lang === 'zh' ? '账户资料格式无法记录密码重置' : 'The profile cannot record a password reset',
        },
      };
    }
    response.password_reset_at = isoTimestamp(now);
    return {
      state: { ...ctx.current, [name]: response },
      result: {
        changed: true,
        description: lang === 'zh' ? '已为客户重置密码' : "Reset the caller's password",
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Helpers for `cs mock set|show`

function checkedPhone(raw: string): string {
  const phone = normalizePhone(raw);
  if (!isValidPhone(phone)) {
    throw new CsError('E_USAGE', `"${raw}" is not a phone number: pass digits like 13800138000.`);
  }
  return phone;
}

/**
 * Fixes the response of one interface for one caller (`cs mock set`); later queries return it
 * as it is. The CLI checks that the product has the interface. Returns the caller's new state.
 */
export async function setMockResponse(
  store: RecordStore,
  productId: string,
  phone: string,
  interfaceName: string,
  response: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (!/^[A-Za-z_][\w-]*$/.test(interfaceName)) {
    throw new CsError(
      'E_USAGE',
      `"${interfaceName}" is not an interface name: use a name like user_subscription.`,
    );
  }
  if (!isRecord(response)) {
    throw new CsError('E_INVALID', 'A mock response must be a JSON object, e.g. {"status":"active"}.');
  }
  const normalised = checkedPhone(phone);
  return store.updateMockState(productId, normalised, (current) => ({
    ...current,
    [interfaceName]: response,
  }));
}

/**
 * Forgets stored responses (one interface, or all of a caller's), so the next query generates
 * them anew. Returns the caller's remaining state.
 */
export async function resetMockState(
  store: RecordStore,
  productId: string,
  phone: string,
  interfaceName?: string,
): Promise<Record<string, unknown>> {
  const normalised = checkedPhone(phone);
  return store.updateMockState(productId, normalised, (current) => {
    if (interfaceName === undefined) return {};
    const { [interfaceName]: _dropped, ...rest } = current ?? {};
    return rest;
  });
}

/** The stored mock state (`cs mock show`), optionally of one product and one caller. */
export async function showMockState(
  store: RecordStore,
  productId?: string,
  phone?: string,
): Promise<Array<{ productId: string; phone: string; state: Record<string, unknown> }>> {
  const normalised = phone === undefined ? undefined : checkedPhone(phone);
  const all = await store.listMockStates(productId);
  return all
    .filter((entry) => normalised === undefined || entry.phone === normalised)
    .sort((a, b) => a.productId.localeCompare(b.productId) || a.phone.localeCompare(b.phone));
}
