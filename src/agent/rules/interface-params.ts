import { responseFields } from '../../domain/response-fields.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { DIGIT_OF } from '../../domain/spoken-digits.js';

/** Parameters the system binds to the caller itself (resolveQuery): never filled here. */
const CALLER_PARAM = /^(?:user_?id|uid|phone|mobile|msisdn|customer_?id|caller|tel)$/i;

/**
 * Values for an interface's declared parameters: a date, month or id the caller named, else one
 * of the things the product names (`namedInProduct`: its games, its venues) that the caller said,
 * else one an earlier query of this call returned under the same name (the order id of the order
 * found a moment ago), else, for dates, the current period. Undefined when a parameter stays
 * unknown: then the agent asks instead of querying.
 *
 * @example fillParams(['user_id', 'order_id'], '快递到哪了', [ordersQuery], now) // { order_id: 'S88001' }
 * @example fillParams(['user_id', 'game'], '铁骑远征的号被封了', [], now, ['云端牧场', '铁骑远征']) // { game: '铁骑远征' }
 */
export function fillParams(
  params: readonly string[],
  utterance: string,
  earlier: readonly SystemQueryRecord[],
  now: Date,
  named: readonly ProductName[] = [],
  /** Filters a query may leave out (not in the path): unknown, they are left out, not asked for. */
  optional: readonly string[] = [],
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const param of params) {
    if (CALLER_PARAM.test(param)) continue;
    const value =
      (isDateParam(param) ? dateSaid(param, utterance, now) : undefined) ??
      (isModelParam(param) ? modelSaid(utterance) : undefined) ??
      (isSizeParam(param) ? sizeSaid(utterance) : undefined) ??
      (isIdParam(param) ? idSaid(utterance) : undefined) ??
      (isPostcodeParam(param) ? postcodeSaid(utterance) : undefined) ??
      (isDateParam(param) || (isIdParam(param) && !isVenueParam(param))
        ? undefined
        : // A venue's name fills a venue's parameter only (not orders?from=), a work's the others.
          paramValueOf(
            oneSaid(
              named.filter((n) => n.venue === isVenueParam(param)),
              utterance,
            ),
            param,
          )) ??
      // A filter nobody named is left out rather than narrowed by whatever an earlier answer held.
      (optional.includes(param) ? undefined : valueReturned(param, earlier)) ??
      (isPlaceParam(param) ? placeIn(param, utterance, earlier) : undefined) ??
      (isDateParam(param) ? currentPeriod(param, now) : undefined);
    if (value !== undefined) out[param] = value;
    else if (!optional.includes(param)) return undefined;
  }
  return out;
}

/** A thing the product names that a parameter takes: one of its venues, or one of its works. */
export interface ProductName {
  /** As the product writes it, with a note in brackets that tells it apart (天津河西店（友谊路）). */
  name: string;
  /** A venue (a store, a park) rather than a work (a game, a title). */
  venue: boolean;
}

/**
 * The names a product gives its own works in title marks (旗下两款手游：《云端牧场》…) and its
 * venues in a list (五家门店：哈尔滨中央大街店、成都春熙路店; Four parks: Dublin - Sandyford
 * (Blackthorn Road), Cork - Little Island …): the values a parameter such as `game` or `store`
 * takes. Quotes are not names (App内“联系客服”).
 */
export function namedInProduct(texts: readonly string[]): ProductName[] {
  const out: ProductName[] = [];
  const add = (name: string, venue: boolean) => {
    if (name !== '' && !out.some((n) => n.name === name)) out.push({ name, venue });
  };
  for (const text of texts) {
    for (const m of text.matchAll(/《([^《》]{2,20})》|「([^「」]{2,20})」/g))
      add((m[1] ?? m[2])!.trim(), false);
    // 五家门店：哈尔滨中央大街店、成都春熙路店: the venues a chain lists are the values a store takes.
    // Their notes in brackets stay: they tell apart two venues of one name (天津河西店（友谊路）).
    for (const m of text.matchAll(VENUE_LIST)) for (const venue of m[0].split('、')) add(venue, true);
    for (const venue of venuesListedEn(text)) add(venue, true);
  }
  return out;
}

/** What ends a venue's name (店, 馆, 中心, 校区, a park's 园, a cinema's 影城 or 影院). */
const VENUE_END = '(?:店|馆|中心|校区|园|影城|影院)';
const VENUE_NAME_END = new RegExp(`${VENUE_END}$`);
/** A list of two or more venues joined by 、 (哈尔滨中央大街店、成都春熙路店). */
// 沈阳中华路店（和平区）、成都建设路店（成华区）: a venue may carry its district in brackets.
const VENUE_NOTE = '(?:[（(][^）)、]{1,20}[）)])?';
const VENUE_LIST = new RegExp(
  `[\\u4e00-\\u9fff]{2,10}${VENUE_END}${VENUE_NOTE}(?:、[\\u4e00-\\u9fff]{2,10}${VENUE_END}${VENUE_NOTE})+`,
  'g',
);

/** Four parks: / three centres: / 5 branches: — the opening of an English list of venues. */
const VENUE_LIST_EN =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:parks|centres|centers|stores|shops|branches|locations|sites|clinics|studios|gyms|venues|depots|outlets|halls|cinemas|salons|garages|yards|marinas)\s*:\s*/gi;

/**
 * The venues of an English list (Four parks: Dublin - Sandyford (Blackthorn Road, D18), …, Cork -
 * Little Island (Eastgate) and Galway - Oranmore.): split at commas and "and" outside brackets, up
 * to the full stop that ends the sentence.
 */
function venuesListedEn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(VENUE_LIST_EN)) {
    let depth = 0;
    let item = '';
    const items: string[] = [];
    for (let i = m.index + m[0].length; i < text.length; i++) {
      const c = text[i]!;
      if (c === '(' || c === '（') depth++;
      else if ((c === ')' || c === '）') && depth > 0) depth--;
      else if (depth === 0 && (c === ';' || (c === '.' && /^(?:\s|$)/.test(text.slice(i + 1, i + 2))))) break;
      if (depth === 0 && c === ',') {
        items.push(item);
        item = '';
        continue;
      }
      item += c;
    }
    items.push(item);
    for (const raw of items.flatMap((x) => x.split(/\s+and\s+(?![^(（]*[)）])/))) {
      const venue = raw.trim().replace(/^and\s+/, '');
      // A name is a few words, capitalised: not a sentence that follows the list.
      if (/^[A-Z]/.test(venue) && withoutNote(venue).split(/\s+/).length <= 6) out.push(venue);
    }
  }
  return out;
}

/** A venue's name without the note in brackets after it (天津河西店 of 天津河西店（友谊路）). */
function withoutNote(name: string): string {
  return name.replace(NOTE_AT_END, '').trim();
}
const NOTE_AT_END = /\s*[（(]([^）)]*)[）)]$/;

/** A parameter naming a venue (store_id, branch, studio, park): the caller names it, not its code. */
export function isVenueParam(name: string): boolean {
  return /store|shop|venue|branch|studio|campus|location|outlet|cinema|theat(?:er|re)|park(?!ing)|centre|center|site|clinic|门店|影城/i.test(
    name,
  );
}

/** Whether a parameter takes one of the product's named things (a game), not a date or an id. */
export function takesNamedValue(param: string): boolean {
  return !CALLER_PARAM.test(param) && !isDateParam(param) && !isIdParam(param);
}

/**
 * The one name among them the text says (case aside); none when it says none or several. A venue
 * is said by its own name without its city or its 店 (中央大街那个店 for 哈尔滨中央大街店), or
 * without the city before its dash (Sandyford for Dublin - Sandyford). Of two venues the words fit
 * (河西店), the one whose note is said too (就友谊路那个) is meant.
 */
function oneSaid(named: readonly ProductName[], text: string): ProductName | undefined {
  const lower = text.toLowerCase();
  let said = named.filter(({ name }) =>
    [withoutNote(name), ...venueCores(withoutNote(name))].some((core) => saysName(lower, core.toLowerCase())),
  );
  if (said.length > 1) said = said.filter(({ name }) => noteSaid(name, lower));
  return said.length === 1 ? said[0] : undefined;
}

/**
 * What a named thing gives a parameter: its name without its note, or, for a code or an id, the
 * code its note holds (佛山顺德园（顺德区，园区代码FS-SD） gives park_id FS-SD).
 */
function paramValueOf(named: ProductName | undefined, param: string): string | undefined {
  if (named === undefined) return undefined;
  const code = /(?:_?id|code|_no)$/i.test(param)
    ? CODE_IN_NOTE.exec(NOTE_AT_END.exec(named.name)?.[1] ?? '')
    : null;
  return code ? code[0] : withoutNote(named.name);
}
/** A code in a note: FS-SD, SH-SJ, BJ01 (not a postcode such as D18). */
const CODE_IN_NOTE = /(?<![A-Za-z0-9])(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]{2,}\d{2,})(?![A-Za-z0-9])/;

/** Whether the text says a name: anywhere in Chinese, as whole words in English. */
function saysName(lower: string, name: string): boolean {
  const at = lower.indexOf(name);
  if (at < 0) return false;
  if (!/^[a-z0-9]/.test(name)) return true;
  return new RegExp(`(?<![a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(lower);
}

/** Whether the text says the note of a venue's name (友谊路 of 天津河西店（友谊路）). */
function noteSaid(name: string, lower: string): boolean {
  const note = NOTE_AT_END.exec(name)?.[1]?.trim().toLowerCase();
  return note !== undefined && note.length >= 2 && lower.includes(note);
}

/**
 * A venue's own names: without its 店, and without the two to four characters of a city or district
 * before them (中央大街 of 哈尔滨中央大街店, 二七 of 郑州二七店), at least two characters left; in
 * English, what follows the city and its dash (Little Island of Cork - Little Island). No list of
 * cities: a caller's words that fit two venues name neither (see `oneSaid`).
 */
function venueCores(name: string): string[] {
  const dashed = /^[A-Z][\w .'-]*?\s+[-–]\s+(.+)$/.exec(name);
  if (dashed) return [dashed[1]!];
  if (!VENUE_NAME_END.test(name)) return [];
  const base = name.replace(VENUE_NAME_END, '');
  return [0, 2, 3, 4].map((k) => base.slice(k)).filter((core) => core.length >= 2);
}

/** A parameter naming a thing's model (model, device_model, 机型). */
function isModelParam(name: string): boolean {
  return /model$|机型|型号/i.test(name);
}

/** A parameter naming how much a thing holds (storage, capacity, 容量). */
function isSizeParam(name: string): boolean {
  return /storage|capacity|容量|内存/i.test(name);
}

/** Words after a model's number that are part of its name (X70 Pro, 13 Pro Max, 苹果14 Plus). */
const MODEL_SUFFIX = String.raw`(?:\s?(?:Pro|Max|Plus|Ultra|Mini|Lite|SE|Note|Fold|Flip)\b)*`;
/**
 * A model the caller named: a maker's word and a short number (vivo X70 Pro, iPhone 13, 苹果14,
 * 华为P50), not a date or a count (去年12月, 两年) nor a long code (TK20320114).
 */
const MODEL_SAID = new RegExp(
  [
    // vivo X70 Pro, Galaxy S22: a maker and a lettered number.
    String.raw`\b[A-Za-z]{3,}\s?[A-Za-z]{1,4}\d{1,4}(?!\d)[A-Za-z]{0,3}`,
    // iPhone 13, OPPO 11: a maker written with capitals inside, and a number.
    String.raw`\b(?:[a-z]+[A-Z][A-Za-z]*|[A-Z]{2,})\s?\d{1,4}(?!\d)`,
    // 苹果14, 华为P50: two characters and a short number that is no date or count.
    String.raw`[\u4e00-\u9fff]{2}\s?[A-Za-z]{0,4}\d{1,3}(?![\d月号日点年岁个块元人次天周期G])`,
  ]
    .map((form) => `(?:${form})${MODEL_SUFFIX}`)
    .join('|'),
);

function modelSaid(text: string): string | undefined {
  return MODEL_SAID.exec(text)?.[0].trim();
}

/** A size said: 256G, 128个G, 1TB. */
function sizeSaid(text: string): string | undefined {
  const m = /(\d{1,4})\s*(?:个)?\s*(GB|G|TB|T)(?![A-Za-z])/i.exec(text);
  return m ? `${m[1]}${m[2]!.toUpperCase().startsWith('T') ? 'TB' : 'GB'}` : undefined;
}

function isDateParam(name: string): boolean {
  return /date|day|month|year|period|time/i.test(name);
}

function isIdParam(name: string): boolean {
  return /(?:^|_)(?:id|no|number|code)$|order|booking|ticket|tracking|device|serial/i.test(name);
}

/** A date the caller named: 11月1号, 3月5日, 2026-11-01, 25号 (this month), 上个月 (a month). */
function dateSaid(param: string, text: string, now: Date): string | undefined {
  const year = now.getFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else {
    const md = /(\d{1,2})月(\d{1,2})[日号]?/.exec(text);
    if (md) [y, m, d] = [year, Number(md[1]), Number(md[2])];
    else {
      const day = /(?<![\d月])(\d{1,2})[日号]/.exec(text);
      if (day) [y, m, d] = [year, now.getMonth() + 1, Number(day[1])];
      else if (/上个?月|last month/i.test(text)) {
        const last = new Date(year, now.getMonth() - 1, 1);
        [y, m] = [last.getFullYear(), last.getMonth() + 1];
      } else if (/这个?月|本月|this month/i.test(text)) [y, m] = [year, now.getMonth() + 1];
    }
  }
  if (y === undefined || m === undefined || m < 1 || m > 12) return undefined;
  if (/month|period/i.test(param) || d === undefined) return `${y}-${pad(m)}`;
  if (/year/i.test(param)) return String(y);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * An id the caller read out: letters and digits together (S88001, O-1101, MU5101), the digits
 * written or read out one by one in words, with or without pauses (B二二零七一四四五, B 2 2 0 7).
 */
export function idSaid(text: string): string | undefined {
  const digits = text.replace(/[零〇洞一幺二两三四五六七拐八九勾]/g, (d) => DIGIT_OF[d]!);
  // Digits read one by one with pauses between them (2 2 0 7, 二、二、零) are one number.
  const joined = digits.replace(/(?<=\d)[\s、-]?(?=\d)/g, '');
  const spaced = /(?<![A-Za-z])((?:[B-HJ-Z]|[A-Z]{2,4}))\s(\d{3,})(?!\d)/.exec(joined);
  return (
    /(?<![A-Za-z])([A-Z]{1,4}-?\d{3,})(?!\d)/i.exec(joined)?.[1] ??
    (spaced ? `${spaced[1]}${spaced[2]}` : undefined) ??
    NUMBER_NAMED.exec(joined)?.[1]
  );
}

/**
 * Digits alone, said as a number of something (小票上的支付单号是4200002035100919421388, order
 * number 81234567): the id, not a phone or an amount.
 */
const NUMBER_NAMED =
  /(?:单号|编号|流水号|交易号|\b(?:order|reference|ref|transaction|payment|booking|tracking|receipt)\s*(?:no\.?|number|#))\s*(?:是|为|:|：|is)?\s*(\d{8,30})(?!\d)/i;

/** The same field in an earlier response of this call (the newest first). */
function valueReturned(param: string, earlier: readonly SystemQueryRecord[]): string | undefined {
  // store_id of a store the contract names (store: 天津河西店): a venue is given by its name, as
  // when the caller names it.
  const venue = isVenueParam(param) ? /^(.+?)_?(?:id|no|code)$/i.exec(param)?.[1] : undefined;
  for (const key of venue === undefined ? [param] : [param, venue]) {
    for (let i = earlier.length - 1; i >= 0; i--) {
      const found = responseFields(earlier[i]?.response).find(
        ([k, value]) => k === key && (typeof value === 'string' || typeof value === 'number'),
      );
      if (found) return String(found[1]);
    }
  }
  return undefined;
}

/** A postcode's parameter (postcode, zip, Eircode, postal_code, 邮编). */
function isPostcodeParam(name: string): boolean {
  return /^(?:post_?code|postal_?code|zip(?:_?code)?|eircode|邮编|邮政编码)$/i.test(name);
}

/**
 * A postcode said (H91 T6K2, SW1A 1AA, K1A 0B1, 10001): an Irish Eircode, a British or Canadian
 * postcode, a US ZIP or a Chinese 邮编, written as said (upper case, one space).
 */
function postcodeSaid(text: string): string | undefined {
  const m =
    /\b([AC-FHKNPRTV-Y]\d{2}|D6W)\s?([AC-FHKNPRTV-Y\d]{4})\b/i.exec(text) ??
    /\b([A-Z]{1,2}\d[A-Z\d]?)\s?(\d[A-Z]{2})\b/i.exec(text) ??
    /\b([A-Z]\d[A-Z])\s?(\d[A-Z]\d)\b/i.exec(text);
  if (m) return `${m[1]} ${m[2]}`.toUpperCase();
  return /(?:zip|邮编|邮政编码)[^\d]{0,12}(\d{5,6})\b/i.exec(text)?.[1];
}

/** A city's or district's parameter (city, district, 城市, 区县). */
function isPlaceParam(name: string): boolean {
  return /^(?:city|district|城市|区县?)$/i.test(name);
}

/** Words before a place's name (在郑州, 住西安): no part of it. */
const PLACE_LEAD = '在到去从住是的我俺额家';

/**
 * The city or district of an address the caller said or an earlier response holds (郑州市金水区丰产路…):
 * 郑州 for a city, 金水区 for a district. Chinese addresses only.
 */
function placeIn(
  param: string,
  utterance: string,
  earlier: readonly SystemQueryRecord[],
): string | undefined {
  const city = /^(?:city|城市)$/i.test(param);
  const texts = [
    utterance,
    ...[...earlier]
      .reverse()
      .flatMap((q) =>
        responseFields(q.response).filter(([key, v]) => typeof v === 'string' && /address|地址/i.test(key)),
      )
      .map(([, v]) => String(v)),
  ];
  for (const text of texts) {
    const m = /([\u4e00-\u9fff]{2,3})市([\u4e00-\u9fff]{1,4}?[区县])?/.exec(text);
    if (m === null) continue;
    // 我在郑州市: what leads the name (在, 到, 住) is no part of it.
    if (city) return m[1]!.length === 3 && PLACE_LEAD.includes(m[1]!.charAt(0)) ? m[1]!.slice(1) : m[1];
    if (m[2] !== undefined) return m[2];
  }
  return undefined;
}

/** Systems filter by the period given: the year keeps recent records a caller asks about. */
function currentPeriod(param: string, now: Date): string {
  if (/month|period/i.test(param))
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return String(now.getFullYear());
}
