/**
 * What the agent reads from the product's systems before it answers: the interfaces a line is
 * about (by the product's own words for them), their parameters, and the subscription and billing
 * facts it states, read from whatever shape the responses have.
 */
import type { CallContext } from '../../call/call-agent.js';
import { recordsPayments } from '../../call/verified-charges.js';
import type { Language } from '../../domain/language.js';
import type { Product } from '../../domain/record-schemas.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { tokenize } from '../../knowledge/index.js';
import {
  type InterfaceProfile,
  profileInterfaces,
  relevantInterfaces,
} from '../../knowledge/interface-vocabulary.js';
import type { Currency } from '../../permissions/index.js';
import { limitedRole } from './caller-role.js';
import {
  fillParams,
  idSaid,
  isVenueParam,
  namedInProduct,
  type ProductName,
  takesNamedValue,
} from './interface-params.js';
import { currencyOf, money, nowOf } from './payment-in-question.js';
import { phrases } from './reply-phrases.js';
import { checkedOnly, speakResponse, spokenDate } from './speak-facts.js';
import type { Understanding } from './understand-utterance.js';

interface Subscription {
  name: string;
  fee?: number;
  start_date?: string;
  next_billing_date?: string;
  auto_renew?: boolean;
  status?: string;
}

const profiles = new WeakMap<object, InterfaceProfile[]>();

/** The queries this reply made, by interface and parameters (see `queryOnce`). */
const repliesQueries = new WeakMap<CallContext, Map<string, SystemQueryRecord>>();

/**
 * Queries an interface once per reply: a line that asks about a package and wants a class back
 * reaches the packages by two roads, and the caller hears them once. `fresh` is false when this
 * reply already made the same query (nothing carried out since), whose facts it has said. A
 * query that failed is tried again.
 */
async function queryOnce(
  ctx: CallContext,
  interfaceName: string,
  params: Record<string, string>,
): Promise<{ q: SystemQueryRecord; fresh: boolean }> {
  let made = repliesQueries.get(ctx);
  if (made === undefined) {
    made = new Map();
    repliesQueries.set(ctx, made);
  }
  const key = JSON.stringify([
    ctx.conversation.length,
    ctx.actionsPerformed?.length ?? 0,
    interfaceName,
    params,
  ]);
  const earlier = made.get(key);
  if (earlier?.ok) return { q: earlier, fresh: false };
  const q = await ctx.tools.querySystem({ interfaceName, params });
  made.set(key, q);
  return { q, fresh: true };
}

/**
 * The same by the interfaces' JSON, least recently used first: a server reads the product again
 * for every turn of a chat (another object, the same interfaces), and profiling tokenizes them.
 */
const profilesByJson = new Map<string, InterfaceProfile[]>();

/** Products a process answers for at once, in practice a handful. */
const MAX_CACHED_PROFILES = 32;

/** The product's interfaces as the vocabulary reads them, once per product record. */
function interfaceProfiles(product: Product): InterfaceProfile[] {
  let found = profiles.get(product);
  if (!found) {
    const key = JSON.stringify(product.api_interfaces ?? null);
    found = profilesByJson.get(key);
    if (found) profilesByJson.delete(key);
    else found = profileInterfaces(product.api_interfaces);
    profilesByJson.set(key, found);
    if (profilesByJson.size > MAX_CACHED_PROFILES)
      profilesByJson.delete(profilesByJson.keys().next().value as string);
    profiles.set(product, found);
  }
  return found;
}

const productNames = new WeakMap<Product, ProductName[]>();

/**
 * The interface's parameters filled (`fillParams`) with what this call knows, the product's names
 * too. A filter outside the endpoint's path (orders?order_id=) that nothing fills is left out:
 * the caller's records are looked up whole. Only the path's values are waited or asked for, not
 * those of its query string.
 */
function filled(
  ctx: CallContext,
  def: InterfaceDef | undefined,
  utterance: string,
  earlier: readonly SystemQueryRecord[] = ctx.systemQueries,
): Record<string, string> | undefined {
  let named = productNames.get(ctx.product);
  if (named === undefined) {
    named = namedInProduct([ctx.product.description ?? '', ...(ctx.product.features ?? [])]);
    productNames.set(ctx.product, named);
  }
  const params = paramNames(def);
  // /accounts/{account_no}/payments?from={from}&to={to}: the query string's values filter, as a
  // filter outside the path does.
  const path = (def?.endpoint ?? '').split('?')[0]!;
  const optional = params.filter((p) => !path.includes(`{${p}}`));
  return fillParams(params, utterance, earlier, nowOf(ctx), named, optional);
}

/**
 * An interface's parameters: those it declares, and any its path names besides
 * (/boardings/{stay_id}/logs with params [phone, date] needs a stay_id too).
 */
function paramNames(def: Pick<InterfaceDef, 'params' | 'endpoint'> | undefined): string[] {
  const declared = def?.params ?? [];
  const inPath = [...(def?.endpoint ?? '').matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
  return [...declared, ...inPath.filter((p) => !declared.includes(p))];
}

/**
 * Puts before an interface that needs a value the caller did not say and no query returned yet
 * (an order id), an interface of the product that returns it: one that needs nothing but the
 * caller (recent_orders before shipment), or one fed in turn (payments give the order id the
 * orders need, the orders the event id the event details need).
 */
function withFeeders(
  wanted: string[],
  defs: Record<string, InterfaceDef>,
  utterance: string,
  ctx: CallContext,
): string[] {
  const out: string[] = [];
  const feed = (name: string, depth: number): boolean => {
    const def = defs[name];
    if (filled(ctx, def, utterance)) return true;
    let fed = true;
    // Only values of the path are waited for: a filter left unknown is left out (`filled`).
    for (const param of paramNames(def)) {
      const stem = param.toLowerCase().replace(/_?(?:id|no|number|code)$/, '');
      if (stem === '' || /^(?:user|uid|phone|mobile|customer)$/.test(stem)) continue;
      if (filled(ctx, { params: [param], endpoint: def?.endpoint ?? '' }, utterance)) continue;
      const returns = ([other, d]: [string, InterfaceDef]) =>
        other !== name && `${other} ${(d.response_fields ?? []).join(' ')}`.toLowerCase().includes(stem);
      const direct = Object.entries(defs).find(
        (e) => returns(e) && (out.includes(e[0]) || filled(ctx, e[1], '', []) !== undefined),
      );
      // Else one fed in turn, a step deeper at most.
      const feeder =
        direct ??
        (depth < 2
          ? Object.entries(defs).find((e) => returns(e) && !out.includes(e[0]) && feed(e[0], depth + 1))
          : undefined);
      if (feeder === undefined) fed = false;
      else if (!out.includes(feeder[0])) out.push(feeder[0]);
    }
    return fed;
  };
  for (const name of wanted) {
    feed(name, 0);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * 车号是B22071445，是不是坏了: an id the caller read out is the key of the thing they ask about.
 * The interface that is looked up by such an id (and by nothing else the caller has not given),
 * and whose own words the line shares, goes first: the caller's own records of that kind come
 * after it, if at all.
 */
function withKeyed(ctx: CallContext, utterance: string, relevant: string[]): string[] {
  if (idSaid(utterance) === undefined) return relevant;
  const terms = new Set(tokenize(utterance));
  const keyed = interfaceProfiles(ctx.product)
    .filter((p) => {
      const def = interfaceDefs(ctx.product)[p.name];
      return (
        paramNames(def).some(
          (param) => /(?:^|_)(?:id|no|number|code)$/i.test(param) && !/^(?:user|uid|customer)/i.test(param),
        ) &&
        filled(ctx, def, utterance, []) !== undefined &&
        [...terms].some((t) => p.terms.has(t))
      );
    })
    .map((p) => p.name);
  if (keyed.length !== 1) return relevant;
  // The caller's own other records (their fault reports beside the locker's) are not what a line
  // about one numbered thing asks; what they paid for it may be.
  const defs = interfaceDefs(ctx.product);
  const payments = (name: string) => (defs[name]?.response_fields ?? []).some(recordsPayments);
  return [keyed[0]!, ...relevant.filter((n) => n !== keyed[0] && payments(n))];
}

/**
 * Queries the interfaces the utterance is about and says what they returned. An interface that
 * needs a value nobody has given yet (an order id) waits for one queried first; one still missing
 * is asked for, never guessed.
 */
export async function lookUpFacts(
  ctx: CallContext,
  utterance: string,
  done: ReadonlySet<string> = new Set(),
  /** These interfaces rather than the ones the utterance is about. */
  named?: readonly string[],
  /** Interfaces to query without reading their facts out. */
  quiet: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const lang = ctx.language;
  const defs = interfaceDefs(ctx.product);
  // An interface kept for staff (a player's file, a crew's hotel) is never looked up for a caller,
  // however it is reached: by the caller's words, an id they read out, or to feed another.
  const staffOnly = new Set(
    interfaceProfiles(ctx.product)
      .filter((p) => p.internal)
      .map((p) => p.name),
  );
  const relevant = (
    named ?? withKeyed(ctx, utterance, relevantInterfaces(interfaceProfiles(ctx.product), utterance))
  ).filter((n) => !done.has(n) && !staffOnly.has(n));
  const wanted = withFeeders(relevant, defs, utterance, ctx).filter((n) => !staffOnly.has(n));
  // Said once every query of the reply is in: who the caller is (a co-guardian) decides what is
  // kept for the holder, whichever was looked up first. Records the caller's interfaces return
  // are held back as the role known when each was looked up (see `spoken`).
  const answers: Array<{ name: string; response: unknown; limited: boolean } | undefined> = [];
  const asked = new Set<string>();
  let found = false;
  let pending = wanted;
  for (let pass = 0; pass < 3 && pending.length > 0; pass++) {
    const later: string[] = [];
    for (const name of pending) {
      const def = defs[name];
      const params = filled(ctx, def, utterance);
      if (!params) {
        later.push(name);
        continue;
      }
      const { q, fresh } = await queryOnce(ctx, name, params);
      // Facts this reply has said already are not asked for either.
      if (q.ok && !fresh) found = true;
      if (q.ok && (quiet.has(name) || !fresh)) continue;
      const limited = limitedRole(ctx.systemQueries, ctx.product) !== undefined;
      answers.push(q.ok ? { name, response: q.response, limited } : undefined);
    }
    pending = later;
  }
  const sentences: string[] = [];
  const now = answers.length > 0 && limitedRole(ctx.systemQueries, ctx.product) !== undefined;
  for (const a of answers) {
    if (a !== undefined)
      sentences.push(
        spoken(ctx, { ...defs[a.name], name: a.name }, a.response, utterance, { now, atQuery: a.limited }),
      );
    else if (!sentences.includes(phrases(lang).queryFailed)) sentences.push(phrases(lang).queryFailed);
  }
  for (const name of pending) {
    const missing = paramNames(defs[name]).filter((param) => !asked.has(param));
    for (const m of missing) asked.add(m);
  }
  // Which store? The chain's venues; which game? its titled works.
  const venueAsked = [...asked].some(isVenueParam);
  const choices = (productNames.get(ctx.product) ?? [])
    .filter((n) => n.venue === venueAsked)
    .map((n) => n.name);
  const shown = (n: string) => (venueAsked ? n : `《${n}》`);
  if (
    pending.length > 0 &&
    sentences.length === 0 &&
    !found &&
    choices.length > 1 &&
    [...asked].some(takesNamedValue)
  ) {
    // Which game? The product's own names are the choices.
    const last = choices.at(-1)!;
    const rest = choices.slice(0, -1);
    sentences.push(
      lang === 'zh'
        ? `请问是哪一个：${rest.map(shown).join('、')}还是${shown(last)}？`
        : `Which one is it: ${rest.join(', ')} or ${last}?`,
    );
  } else if (pending.length > 0 && sentences.length === 0 && !found) {
    const what = [...asked]
      .filter((a) => !/^(?:user_?id|uid|phone|mobile|customer_?id)$/i.test(a))
      .join('、');
    if (what) {
      sentences.push(
        lang === 'zh'
          ? `麻烦您提供一下${what}，我好帮您查询。`
          : `Could you give me the ${what}, so I can look it up?`,
      );
    }
  }
  return sentences;
}

/**
 * What a query returned, said in the call's language to this caller (see `speakResponse`). A
 * caller whose role on the account may not hear its records (an authorised contact for visits
 * only, a named recipient) hears, of an interface looked up by the caller, only the records that
 * name them, else that it was checked; what the business tells anyone (hours, prices) is said.
 */
function spoken(
  ctx: CallContext,
  iface: Parameters<typeof speakResponse>[0] & Pick<InterfaceDef, 'params' | 'endpoint'>,
  response: unknown,
  utterance: string,
  /**
   * Whether the caller stands in a limited role now, and whether that was known when this
   * interface was looked up (read here when not given).
   */
  limits?: { now: boolean; atQuery: boolean },
): string {
  const now = limits?.now ?? limitedRole(ctx.systemQueries, ctx.product) !== undefined;
  if ((limits?.atQuery ?? now) && paramNames(iface).some(isCallerParam)) {
    // The records that name the caller (a parcel addressed to them) are theirs to hear.
    const name = ctx.customer?.name;
    const own = typeof name === 'string' && name.length >= 2 ? recordsNaming(response, name) : undefined;
    return own === undefined
      ? checkedOnly(iface, ctx.language)
      : speakResponse(iface, own, ctx.language, utterance, { name, limited: now });
  }
  return speakResponse(iface, response, ctx.language, utterance, { name: ctx.customer?.name, limited: now });
}

/**
 * Of a response, the records in its lists that name the caller (addressed_to: Tyler Nakamura), in
 * their lists; nothing else it holds. Undefined when none does.
 */
function recordsNaming(response: unknown, name: string): unknown {
  if (Array.isArray(response)) {
    const own = response.filter(
      (item) => item !== null && typeof item === 'object' && JSON.stringify(item).includes(name),
    );
    return own.length > 0 ? own : undefined;
  }
  if (response === null || typeof response !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(response)) {
    const own = typeof value === 'object' ? recordsNaming(value, name) : undefined;
    if (own !== undefined) out[key] = own;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A parameter that names the caller or their account (phone, mobile, account_no, customer_id). */
function isCallerParam(param: string): boolean {
  return /^(?:phone|mobile|tel|caller|user_?id|uid|customer_?(?:id|no)|account(?:_?(?:id|no|number))?|member_?(?:id|no))$/i.test(
    param,
  );
}

/**
 * Facts before an approval: the interfaces the rule's own words are about (同城移机：每个合约年第1次
 * is about the account's moves this contract year), read quietly when this call has not read them,
 * so the session decides on them. One that needs a value nobody gave is left alone.
 */
export async function lookUpFactsOfRule(ctx: CallContext, rule: string, utterance: string): Promise<void> {
  const read = interfacesRead(ctx, ctx.systemQueries.length);
  const named = relevantInterfaces(interfaceProfiles(ctx.product), rule).filter((n) => !read.has(n));
  if (named.length > 0) await lookUpFacts(ctx, utterance, new Set(), named, new Set(named));
}

/**
 * Per call (by its list of queries: a context is made afresh for every turn), where in that list
 * are the queries read beside a refusal (see `lookUpOwnQuietly`): nothing of them was said, and
 * nothing was decided on them.
 */
const besideRefusals = new WeakMap<readonly SystemQueryRecord[], Set<number>>();

/**
 * The interfaces the call has read among its first `upTo` queries, but for those read beside a
 * refusal: a request later is decided on facts read for it, and they are said.
 */
export function interfacesRead(ctx: CallContext, upTo: number): Set<string> {
  const beside = besideRefusals.get(ctx.systemQueries);
  return new Set(
    ctx.systemQueries
      .slice(0, upTo)
      .filter((_, i) => beside?.has(i) !== true)
      .map((q) => q.interface),
  );
}

/**
 * The caller's own records, on the call's first look, when what they asked is about someone else
 * (我老婆那单…, which documents did my wife bring) and was refused: the interfaces the words are
 * about, queried by the caller alone (nothing said is passed: a number or a date they give may be
 * the other person's) and not read out (what a record holds may be anyone's). Nobody else's
 * records are read.
 */
export async function lookUpOwnQuietly(ctx: CallContext, utterance: string): Promise<void> {
  const named = relevantInterfaces(interfaceProfiles(ctx.product), utterance);
  if (named.length === 0) return;
  const from = ctx.systemQueries.length;
  await lookUpFacts(ctx, '', new Set(), named, new Set(named));
  let beside = besideRefusals.get(ctx.systemQueries);
  if (beside === undefined) {
    beside = new Set();
    besideRefusals.set(ctx.systemQueries, beside);
  }
  for (let i = from; i < ctx.systemQueries.length; i++) beside.add(i);
}

/**
 * 这个月扣了我15块, said on the 1st: a bill read for a month that shows no charge is read for the
 * month before too, once; the charge the caller means is most likely there. What it says.
 */
export async function lookUpMonthBefore(ctx: CallContext, utterance: string): Promise<string[]> {
  const defs = interfaceDefs(ctx.product);
  const out: string[] = [];
  for (const q of [...ctx.systemQueries]) {
    const def = defs[q.interface];
    if (!q.ok || !(def?.response_fields ?? []).some(recordsPayments)) continue;
    const m = /[?&]([A-Za-z_]+)=(\d{4})-(\d{2})(?:&|$)/.exec(q.endpoint);
    if (!m) continue;
    const year = Number(m[2]);
    const month = Number(m[3]);
    const before = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    if (ctx.systemQueries.some((o) => o.interface === q.interface && o.endpoint.includes(`=${before}`)))
      continue;
    const params = { ...(paramsOf(ctx, q.interface, utterance) ?? {}), [m[1]!]: before };
    const again = await ctx.tools.querySystem({ interfaceName: q.interface, params });
    if (again.ok) out.push(spoken(ctx, interfaceOf(ctx, q.interface), again.response, utterance));
  }
  return out;
}

/** What this code reads of an interface definition in a product record. */
interface InterfaceDef {
  description?: string;
  endpoint?: string;
  params?: string[];
  response_fields?: string[];
}

/** The product's interface definitions, by name. */
function interfaceDefs(product: Product): Record<string, InterfaceDef> {
  return (product.api_interfaces ?? {}) as Record<string, InterfaceDef>;
}

function findInterface(product: Product, kind: 'subscription' | 'billing'): string | undefined {
  const interfaces = interfaceDefs(product);
  const pattern =
    kind === 'subscription'
      ? /subscri|member|plan|package|订阅|会员|套餐/i
      : /bill|transaction|charge|payment|账单|扣费|交易/i;
  // A wallet's "payment methods" are cards, not charges.
  const said = (text: string) => text.replaceAll(/payment methods?|支付方式|付款方式/gi, '');
  const found = Object.entries(interfaces).filter(
    ([name, def]) => pattern.test(name) || pattern.test(said(def.description ?? '')),
  );
  // For billing, one whose response lists the charges comes first.
  const listsCharges = ([, def]: (typeof found)[number]) =>
    kind === 'billing' && (def.response_fields ?? []).some((f) => recordsPayments(String(f)));
  return (found.find(listsCharges) ?? found[0])?.[0];
}

/**
 * Values for the interface's own parameters (fillParams); a date nobody named is the current
 * period. Undefined when one stays unknown (which game?): that interface is not queried.
 */
function paramsOf(
  ctx: CallContext,
  interfaceName: string,
  utterance: string,
): Record<string, string> | undefined {
  const def = interfaceDefs(ctx.product)[interfaceName];
  return filled(ctx, def, utterance);
}

export async function verifyAccount(
  ctx: CallContext,
  u: Understanding,
  utterance: string,
): Promise<{ sentences: string[]; topic?: string; offerCancelRenew: boolean }> {
  const lang = ctx.language;
  const p = phrases(lang);
  const sentences: string[] = [];
  const subInterface = findInterface(ctx.product, 'subscription');
  const billInterface = findInterface(ctx.product, 'billing');
  // A product without subscriptions (an insurance policy, a broadband line) is asked about its account.
  const topic = u.chargeDispute
    ? lang === 'zh'
      ? '扣费疑问'
      : 'Charge question'
    : subInterface
      ? lang === 'zh'
        ? '会员/订阅问题'
        : 'Subscription question'
      : lang === 'zh'
        ? '账户查询'
        : 'Account question';
  let offerCancelRenew = false;

  let subs: Subscription[] | undefined;
  const subParams = subInterface === undefined ? undefined : paramsOf(ctx, subInterface, utterance);
  if (subInterface && subParams) {
    const { q, fresh } = await queryOnce(ctx, subInterface, subParams);
    // A response without a subscriptions list is another product's shape: said as it is.
    const shaped =
      q.ok && Array.isArray((q.response as { subscriptions?: unknown } | undefined)?.subscriptions);
    subs = shaped ? readSubscriptions(q) : undefined;
    if (!q.ok) sentences.push(p.queryFailed);
    else if (!shaped && fresh)
      sentences.push(spoken(ctx, interfaceOf(ctx, subInterface), q.response, utterance));
  }
  const claimed = u.quantities.filter((q) => q.family === 'money').map((q) => q.value);
  // Bill lines come after what the subscriptions say, however the function returns.
  const billing: string[] = [];
  const unexplained = claimed.some((v) => !(subs ?? []).some((s) => s.fee === v));
  const billParams = billInterface === undefined ? undefined : paramsOf(ctx, billInterface, utterance);
  if (
    billInterface &&
    billParams &&
    (u.asksBilling || !subInterface || (u.chargeDispute && subs !== undefined && unexplained))
  ) {
    const { q, fresh } = await queryOnce(ctx, billInterface, billParams);
    if (q.ok && !Array.isArray((q.response as { transactions?: unknown } | undefined)?.transactions)) {
      if (fresh) billing.push(spoken(ctx, interfaceOf(ctx, billInterface), q.response, utterance));
    } else if (q.ok) {
      billing.push(describeBilling(q, ctx, lang));
      // A disputed amount that neither a fee nor a bill line explains is said plainly, not assumed.
      const billed = new Set(billedAmounts(q));
      const missing = claimed.filter((v) => !billed.has(v) && !(subs ?? []).some((s) => s.fee === v));
      if (u.chargeDispute && missing.length > 0) {
        const amount = money(missing[0]!, lang, currencyOf(ctx.product));
        billing.push(
          lang === 'zh'
            ? `不过账单里我没看到${amount}的扣款，您方便说下是哪天、在哪个渠道扣的吗？`
            : `I don't see a charge of ${amount} on your bill, though. When and where was it taken?`,
        );
      }
    } else if (!sentences.includes(p.queryFailed)) sentences.push(p.queryFailed);
  }
  if (!subs) return { sentences: [...sentences, ...billing], topic, offerCancelRenew };

  const named = u.serviceNames.filter((n) => !/^(会员|套餐|服务)$/.test(n));
  const currency = currencyOf(ctx.product);
  if (named.length > 0) {
    const wanted = named[0]!;
    const match = subs.find((s) => s.name.includes(wanted) || wanted.includes(s.name));
    if (match) {
      sentences.push(describeSubscription(match, lang, currency, true));
      offerCancelRenew = match.auto_renew === true && u.chargeDispute;
    } else if (subs.length > 0) {
      sentences.push(
        lang === 'zh'
          ? `我们系统里没有找到名为“${wanted}”的服务。`
          : `I can't find a service called "${wanted}" on our side.`,
      );
      sentences.push(...subs.slice(0, 2).map((s) => describeSubscription(s, lang, currency, false)));
      sentences.push(
        lang === 'zh' ? `您说的“${wanted}”可能就是这个服务？` : `Could "${wanted}" be this one?`,
      );
      offerCancelRenew = subs.some((s) => s.auto_renew === true) && u.chargeDispute;
    } else {
      sentences.push(
        lang === 'zh'
          ? `我们系统中没有找到名为“${wanted}”的服务，您手机上显示的服务名称是什么？`
          : `I can't find a service called "${wanted}" in our system. What's the service name shown on your phone or statement?`,
      );
    }
    return { sentences: [...sentences, ...billing], topic, offerCancelRenew };
  }
  if (subs.length === 0) {
    sentences.push(p.noSubscriptions);
    if (u.chargeDispute) {
      sentences.push(
        lang === 'zh'
          ? '您方便说一下扣费短信或账单上显示的服务名称吗？'
          : 'What name does the charge show on your statement?',
      );
    }
    return { sentences: [...sentences, ...billing], topic, offerCancelRenew };
  }
  sentences.push(...subs.slice(0, 2).map((s) => describeSubscription(s, lang, currency, false)));
  offerCancelRenew = subs.some((s) => s.auto_renew === true) && u.chargeDispute;
  return { sentences: [...sentences, ...billing], topic, offerCancelRenew };
}

function interfaceOf(ctx: CallContext, name: string): InterfaceDef & { name: string } {
  return { ...interfaceDefs(ctx.product)[name], name };
}

function readSubscriptions(q: SystemQueryRecord): Subscription[] {
  const response = q.response as { subscriptions?: unknown } | undefined;
  const list = Array.isArray(response?.subscriptions) ? response.subscriptions : [];
  return list
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    .map((s) => {
      const sub: Subscription = { name: String(s.name ?? s.service ?? s.plan ?? '') };
      const fee = Number(s.fee ?? s.price ?? s.amount);
      if (Number.isFinite(fee)) sub.fee = fee;
      if (typeof s.start_date === 'string') sub.start_date = s.start_date;
      const next = s.next_billing_date ?? s.end_date ?? s.expire_date;
      if (typeof next === 'string') sub.next_billing_date = next;
      if (typeof s.auto_renew === 'boolean') sub.auto_renew = s.auto_renew;
      if (typeof s.status === 'string') sub.status = s.status;
      return sub;
    })
    .filter((s) => s.name !== '');
}

/** A system's date as a person says it (speak-facts' `spokenDate`), else as written. */
function dateSaid(iso: string, lang: Language): string {
  return spokenDate(iso, lang) ?? iso;
}

function describeSubscription(s: Subscription, lang: Language, currency: Currency, yours: boolean): string {
  if (lang === 'zh') {
    const bits = [
      s.start_date ? `${dateSaid(s.start_date, lang)}开通了“${s.name}”` : `开通了“${s.name}”`,
      s.fee !== undefined ? `月费${money(s.fee, lang, currency)}` : undefined,
      s.auto_renew === true ? '目前是自动续费状态' : s.auto_renew === false ? '自动续费已关闭' : undefined,
      s.next_billing_date
        ? s.auto_renew === false
          ? `到期日是${dateSaid(s.next_billing_date, lang)}`
          : `下次扣费是${dateSaid(s.next_billing_date, lang)}`
        : undefined,
    ].filter(Boolean);
    return `${yours ? '我查了一下，' : '我查到'}您在${bits.join('，')}。`;
  }
  const bits = [
    `you have ${s.name}`,
    s.start_date ? `since ${dateSaid(s.start_date, lang)}` : undefined,
    s.fee !== undefined ? `at ${money(s.fee, lang, currency)} a month` : undefined,
  ].filter(Boolean);
  const renew =
    s.auto_renew === true
      ? ', and auto-renewal is on'
      : s.auto_renew === false
        ? ', and auto-renewal is off'
        : '';
  const next = s.next_billing_date
    ? s.auto_renew === false
      ? `; it ends on ${dateSaid(s.next_billing_date, lang)}`
      : `; the next charge is on ${dateSaid(s.next_billing_date, lang)}`
    : '';
  return `I checked your account: ${bits.join(' ')}${renew}${next}.`;
}

/** The absolute amounts of a billing response's transactions. */
function billedAmounts(q: SystemQueryRecord): number[] {
  const response = q.response as { transactions?: unknown } | undefined;
  const list = Array.isArray(response?.transactions)
    ? (response.transactions as Array<Record<string, unknown>>)
    : [];
  return list.map((t) => Math.abs(Number(t.amount))).filter((v) => Number.isFinite(v));
}

function describeBilling(q: SystemQueryRecord, ctx: CallContext, lang: Language): string {
  const response = q.response as { transactions?: unknown; total?: unknown } | undefined;
  const list = Array.isArray(response?.transactions)
    ? (response.transactions as Array<Record<string, unknown>>)
    : [];
  const currency = currencyOf(ctx.product);
  if (list.length === 0)
    return lang === 'zh' ? '账单里目前没有扣费记录。' : 'There are no charges on your bill right now.';
  const items = list.slice(0, 3).map((t) => {
    const amount = Number(t.amount);
    const what = String(t.description ?? t.item ?? '');
    const date = typeof t.date === 'string' ? dateSaid(t.date, lang) : '';
    return lang === 'zh'
      ? `${date}${what}${Number.isFinite(amount) ? `（${money(amount, lang, currency)}）` : ''}`
      : `${what}${Number.isFinite(amount) ? ` ${money(amount, lang, currency)}` : ''}${date ? ` on ${date}` : ''}`;
  });
  return lang === 'zh' ? `账单明细显示：${items.join('；')}。` : `Your bill shows: ${items.join('; ')}.`;
}
