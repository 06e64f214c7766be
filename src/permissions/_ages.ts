/**
 * Ages: the bound a rule sets on whom it serves (anyone under 18, 18+ with ID, 未满18周岁, 须满4周岁,
 * aged 14-17, minors) and the ages a request states (my son turns seventeen, 他才十六岁). A rule's
 * age is a circumstance, not an amount: `check-permission` uses it only in the safe direction (an
 * age said outside an approval's bound keeps it from approving; an age said inside a stricter
 * rule's bound names that rule's circumstance), never to clear a forbidden rule.
 */

import { parseZhRun, scanEnglish } from './_numerals.js';

/** Whom a rule serves by age: `below` (under 18: up to 17) and `atLeast` (18+), in years. */
export interface AgeBound {
  below?: number;
  atLeast?: number;
  /** Said only in a note (…（18+ with ID on the day）, （未成年人充值由监护人走退款流程）). */
  noted?: true;
}

/** 十六, 二十一, 七, 16: a whole number of years as said. */
function zhYears(said: string): number | undefined {
  return /^\d{1,2}$/.test(said) ? Number(said) : parseZhRun(said);
}

// A number said in English words or digits (seventeen, twenty-one, 16): read by `scanEnglish`.
const EN_NUMBER = '(?:\\d{1,2}|[a-z]+(?:-[a-z]+)?)';

function enYears(said: string): number | undefined {
  const years = /^\d/.test(said) ? Number(said) : scanEnglish(said, 0)?.value;
  return years !== undefined && Number.isInteger(years) && years > 0 && years < 100 ? years : undefined;
}

const ZH_NUMBER = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/** People a rule's age is about (anyone under 18, a child under 12): not a device's age. */
const EN_PERSON =
  '(?:anyone|anybody|someone|person|people|child|children|kids?|customers?|clients?|passengers?|travell?ers?|guests?|students?|patients?|riders?|players?|members?|hirers?|drivers?|those|young people)';

const RULE_BELOW_EN = [
  new RegExp(
    `\\b${EN_PERSON}\\s+(?:(?:who (?:is|are)|aged)\\s+)?under[- ]?(\\d{1,2})\\b(?!\\s*(?:months?|weeks?|days?)\\b)`,
  ),
  /\bunder[- ](\d{1,2})s\b/,
];
const RULE_AT_LEAST_EN = [
  /\b(\d{1,2})\s*\+(?=\s|\)|,|;|$)(?!\s*(?:days?|hours?|weeks?|months?|minutes?|nights?|sessions?|times?)\b)/,
  new RegExp(`\\b${EN_PERSON}\\s+(?:aged\\s+)?(\\d{1,2})\\s+(?:and|or)\\s+over\\b`),
];
const RULE_RANGE_EN = /\baged\s+(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\b/;
const MINORS = /\bminors?\b|\bunderage\b|\bunder-age\b|未成年/;

const RULE_BELOW_ZH = [new RegExp(`未满${ZH_NUMBER}周?岁`), new RegExp(`${ZH_NUMBER}周?岁以下`)];
const RULE_AT_LEAST_ZH = [
  new RegExp(`(?<![未不])满${ZH_NUMBER}周?岁`),
  new RegExp(`${ZH_NUMBER}周?岁(?:以上|及以上)`),
];
const RULE_RANGE_ZH = new RegExp(`${ZH_NUMBER}\\s*(?:-|–|到|至)\\s*${ZH_NUMBER}周?岁`);

/** The age bound a rule's text sets (normalised text), or undefined when it sets none. */
export function ageBoundOf(text: string): AgeBound | undefined {
  const bound: AgeBound = {};
  const range = RULE_RANGE_EN.exec(text) ?? RULE_RANGE_ZH.exec(text);
  if (range) {
    const lo = zhYears(range[1]!);
    const hi = zhYears(range[2]!);
    if (lo !== undefined && hi !== undefined && lo < hi) return { atLeast: lo, below: hi + 1 };
  }
  for (const re of [...RULE_BELOW_EN, ...RULE_BELOW_ZH]) {
    const m = re.exec(text);
    const years = m ? zhYears(m[1]!) : undefined;
    if (years !== undefined) {
      bound.below = years;
      break;
    }
  }
  for (const re of [...RULE_AT_LEAST_EN, ...RULE_AT_LEAST_ZH]) {
    const m = re.exec(text);
    const years = m ? zhYears(m[1]!) : undefined;
    if (years !== undefined && years < 100) {
      bound.atLeast = years;
      break;
    }
  }
  if (bound.below === undefined && bound.atLeast === undefined && MINORS.test(text)) bound.below = 18;
  return bound.below === undefined && bound.atLeast === undefined ? undefined : bound;
}

/** Whether an age in years is one the bound serves. */
export function withinAge(bound: AgeBound, age: number): boolean {
  return (
    (bound.below === undefined || age < bound.below) && (bound.atLeast === undefined || age >= bound.atLeast)
  );
}

// 十六岁, 过十六岁生日, 才七岁, 六岁半 (not 比我小十三岁, 还差两岁: a difference of ages).
const SAID_ZH = new RegExp(`(?<![小大差早晚一二两三四五六七八九十\\d])${ZH_NUMBER}周?岁`, 'g');
// 满十四了, 刚满16: an age just reached (not 满100减20, an offer).
const TURNED_ZH = new RegExp(`(?<![未不])满${ZH_NUMBER}(?=了|啦|咯|$|[，,。.！!？?])`, 'g');
// seventeen years old, a 16-year-old, turns seventeen, she's fourteen, aged 15, my 16th birthday.
const SAID_EN = [
  new RegExp(`\\b(${EN_NUMBER})[- ]years?[- ]old\\b`, 'g'),
  new RegExp(
    `\\b(?:turns?|turned|turning|aged?|(?:he|she|they|i|we)(?:'s|'re|'m| is| are| am)(?: only| just| nearly| almost)?)\\s+(${EN_NUMBER})\\b(?!\\s*(?:minutes?|hours?|days?|weeks?|months?|pounds?|dollars?|quid|euros?|rand|bucks|percent|%|hundred|thousand|grand|o'clock|am|pm|k)\\b)(?![:.,]\\d)`,
    'g',
  ),
  /\b(\d{1,2})(?:st|nd|rd|th) birthday\b/g,
];
/** A minor said as such (he's under 18, 未成年): counted as seventeen, the oldest a minor is. */
const MINOR_SAID = /\bunder(?:-| )?(?:18|eighteen)\b|\bminors?\b|\bunderage\b|\bunder-age\b|未成年/;

/** The ages in years a request states (normalised text), in order. */
export function agesSaid(norm: string): number[] {
  const ages: number[] = [];
  if (norm.includes('岁'))
    for (const m of norm.matchAll(SAID_ZH)) {
      const years = zhYears(m[1]!);
      if (years !== undefined) ages.push(years);
    }
  if (norm.includes('满'))
    for (const m of norm.matchAll(TURNED_ZH)) {
      const years = zhYears(m[1]!);
      if (years !== undefined) ages.push(years);
    }
  for (const re of SAID_EN)
    for (const m of norm.matchAll(re)) {
      const years = enYears(m[1]!);
      if (years !== undefined) ages.push(years);
    }
  if (MINOR_SAID.test(norm)) ages.push(17);
  return ages;
}
