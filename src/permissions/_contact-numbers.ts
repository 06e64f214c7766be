/**
 * Phone and card numbers in normalised text, in the notations callers use: 137 0000 5555,
 * +86-137-0000-5555, 137****5555, 尾号5555, 一三七零零零零五五五五, 6222 0212 3456 7890. Pure; the
 * offsets are offsets in the text (the digit view keeps its length).
 */

import { MOBILE_AS_WRITTEN } from '../domain/phone.js';
import { DIGIT_OF } from '../domain/spoken-digits.js';
import * as G from './_char-gates.js';
import { isDigit } from './_normalize.js';

/** A number that may be a person's phone or card. */
export interface ContactNumber {
  /** `masked`: some digits hidden (137****5555); `tail`: only the last four said (尾号5555). */
  kind: 'mobile' | 'landline' | 'masked' | 'tail' | 'card';
  /** The digits without separators; hidden digits are `*`. */
  digits: string;
  start: number;
  end: number;
}

// Seven or more digits in a row, Chinese or Arabic (a space or dash may group them): a number
// said digit by digit. Shorter runs are words (一一, 三五个) or amounts.
const DIGIT_RUN = /[0-9零〇一幺二两三四五六七八九](?:[\s-]?[0-9零〇一幺二两三四五六七八九]){6,}/g;

/**
 * The text with numbers said digit by digit in Chinese written as Arabic digits (same length);
 * `gates`: the text's character gates (see `_char-gates.ts`).
 */
export function digitView(norm: string, gates: number): string {
  if ((gates & G.ZH_DIGIT) === 0) return norm;
  const asArabic = (run: string): string => run.replace(/./g, (c) => DIGIT_OF[c] ?? c);
  return norm
    .replace(DIGIT_RUN, (run) => (/^[\d\s-]+$/.test(run) ? run : asArabic(run)))
    .replace(TAIL_ZH, (said, tail: string) => `${said.slice(0, -tail.length)}${asArabic(tail)}`);
}

// 137****5555, 137xxxx5555: the digits shown and the number of digits hidden make 11.
const MASKED = /(?<![\d*])1[3-9]\d{1,2}[\s-]?[*x×]{3,6}[\s-]?\d{2,4}(?![\d*])/g;
/** What says the digits after it are a phone's last four (尾号, 末四位, ending in). */
const TAIL_SAID =
  '(?:尾号|尾数|末四位|后四位|后4位|末4位|ending (?:in|with)|last (?:four|4)(?: digits)?(?: (?:of|are|is))?)\\s*(?:是|为|:)?\\s*';
const TAIL = new RegExp(`${TAIL_SAID}(\\d{4})(?!\\d)`, 'g');
/** A phone's last four said in Chinese digits after 尾号 (尾号三三四四). */
const TAIL_ZH = new RegExp(
  `${TAIL_SAID}([零〇一幺二两三四五六七八九]{4})(?![零〇一幺二两三四五六七八九十百千])`,
  'g',
);
// A landline with its area code, or a North American number, grouped as people write them.
const LANDLINE = /(?<![\d*])(?:0\d{2,3}-\d{7,8}|(?:\+?1[\s-])?\(?\d{3}\)?[\s-]\d{3}[\s-]\d{4})(?![\d*])/g;
const LONG =
  /(?<![\d*])(?:\d{13,19}|\d{4}(?:[\s-]\d{4}){2,3}(?:[\s-]\d{1,3})?|\d{4}[\s-]\d{6}[\s-]\d{5})(?![\d*])/g;

const MASK_RUN = /[*x×]{3}/;
// What every wording of a tail (TAIL) starts with.
const TAIL_HINT = /[尾末后]|ending|last/;
const NO_MATCHES: RegExpExecArray[] = [];

// A number named as something else than a phone or card: an order, a waybill, a ticket ...
const IDENTIFIER_BEFORE =
  /(?:订单|单号|运单|快递单|工单|票号|编号|流水号|交易号|航班|会员号|\b(?:order|tracking|booking|ticket|reference|ref|confirmation|invoice|transaction|serial)\b|#)[^,.!?;:，。！？；\n\d]{0,6}$/;
const CARD_BEFORE = /(?:卡号|银行卡|信用卡|储蓄卡|借记卡|卡|\bcard\b)[^,.!?;:，。！？；\n\d]{0,6}$/;

function digitsOf(s: string): string {
  return s.replace(/[^\d*x×]/g, '').replace(/[x×]/g, '*');
}

/** Luhn's check, which card numbers pass and most other long numbers do not. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A mainland mobile with a country code (8613700005555) is that mobile. */
export function withoutCountryCode(digits: string): string {
  const m = /^(?:00)?86(1[3-9]\d{9})$/.exec(digits);
  return m ? m[1]! : digits;
}

/**
 * Every phone or card number in the text (normalised: lower case, half-width). Numbers named as
 * an order, waybill or ticket number are not phones or cards; a long number is a card when it is
 * named as one or passes Luhn's check. `gates`: the text's character gates (`charGates`).
 */
export function scanContactNumbers(norm: string, gates: number = G.charGates(norm)): ContactNumber[] {
  const view = digitView(norm, gates);
  const out: ContactNumber[] = [];
  // Each notation needs some digits at least (a mobile 11, a landline 10, a card 12, a masked
  // number 5, a tail 4): most texts have too few for most of them, and a count is cheaper than a
  // regular expression that finds nothing.
  let digitCount = 0;
  for (let i = 0; i < view.length; i++) if (isDigit(view.charCodeAt(i))) digitCount++;
  if (digitCount < 4) return out;
  // Four to nine digits are only a masked number or a phone's tail, each said with its marks.
  const masked = digitCount >= 5 && (gates & G.MASK) !== 0;
  if (digitCount < 10 && !masked && (gates & G.TAIL) === 0) return out;
  const taken = (start: number, end: number): boolean => out.some((n) => start < n.end && end > n.start);
  const named = (start: number): boolean =>
    IDENTIFIER_BEFORE.test(view.slice(Math.max(0, start - 14), start));
  for (const m of digitCount >= 11 ? view.matchAll(MOBILE_AS_WRITTEN) : NO_MATCHES) {
    if (named(m.index)) continue;
    out.push({
      kind: 'mobile',
      digits: withoutCountryCode(digitsOf(m[0])),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of masked && MASK_RUN.test(view) ? view.matchAll(MASKED) : NO_MATCHES) {
    const digits = digitsOf(m[0]);
    if (digits.length !== 11 || taken(m.index, m.index + m[0].length)) continue;
    out.push({ kind: 'masked', digits, start: m.index, end: m.index + m[0].length });
  }
  for (const m of (gates & G.TAIL) !== 0 && TAIL_HINT.test(view) ? view.matchAll(TAIL) : NO_MATCHES) {
    // 卡号后四位 / card ending in 1234 are a card's; a phone's tail is said with the phone.
    const end = m.index + m[0].length;
    const before = view.slice(Math.max(0, m.index - 8), m.index);
    if (/卡|card/.test(before + m[0])) continue;
    if (!/号|手机|电话|phone|mobile|number|line/.test(before + m[0] + view.slice(end, end + 10))) continue;
    out.push({ kind: 'tail', digits: m[1]!, start: m.index, end });
  }
  for (const m of digitCount >= 10 ? view.matchAll(LANDLINE) : NO_MATCHES) {
    const end = m.index + m[0].length;
    if (taken(m.index, end) || named(m.index)) continue;
    out.push({ kind: 'landline', digits: digitsOf(m[0]), start: m.index, end });
  }
  for (const m of digitCount >= 12 ? view.matchAll(LONG) : NO_MATCHES) {
    const end = m.index + m[0].length;
    const digits = digitsOf(m[0]);
    if (taken(m.index, end) || named(m.index)) continue;
    const before = view.slice(Math.max(0, m.index - 14), m.index);
    if (CARD_BEFORE.test(before) || (digits.length >= 15 && luhn(digits))) {
      out.push({ kind: 'card', digits, start: m.index, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True when the number is the caller's phone (`caller`: digits only, country code removed). */
export function isCallersNumber(n: ContactNumber, caller: string): boolean {
  if (caller === '') return false;
  switch (n.kind) {
    case 'mobile':
    case 'landline':
      return withoutCountryCode(n.digits) === caller || n.digits.replace(/^1(?=\d{10}$)/, '') === caller;
    case 'masked':
      if (n.digits.length !== caller.length) return false;
      for (let i = 0; i < caller.length; i++)
        if (n.digits[i] !== '*' && n.digits[i] !== caller[i]) return false;
      return true;
    case 'tail':
      return caller.endsWith(n.digits);
    case 'card':
      return false;
  }
}
