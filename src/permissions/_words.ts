/**
 * Content words of rule phrases, for rules (or parts of rules) the lexicon does not cover: Chinese
 * is segmented with `Intl.Segmenter`, English is lower-cased and lightly stemmed. A request covers
 * a rule when it contains every content word of it, in any order.
 */

import { wordSegmenter } from '../domain/word-segmenter.js';

/** Content words: Chinese words (matched as substrings) and English stems (matched as words). */
export interface Words {
  zh: readonly string[];
  en: readonly string[];
}

export const NO_WORDS: Words = { zh: [], en: [] };

// Words that name the paperwork around an action rather than the action (投诉处理, 赔偿申请,
// data recovery request) or that any request may leave out (单笔, amount).
const GENERIC_ZH = new Set(
  (
    '处理 申请 办理 请求 要求 预约 安排 操作 业务 事宜 相关 问题 流程 手续 金额 额度 数额 单笔 每笔 单次 每次 ' +
    '一次性 客户 的 了 和 与 及 或 我 你 帮 请 给 一下 直接 立即 可以 能 帮忙 为 替 对 进行 提交 登记 本户 本人 ' +
    // Measure words and what a rule's terms leave of a word (5个工作日, 需委托书): no content of
    // their own, and a caller's 我个外孙 says them.
    '个 需 须 等 份 件 项 位 条 张 日 书 次 ' +
    // What 开具 leaves when the segmenter cuts it (项目开具电子发票): the issuing is the invoice's.
    '具 ' +
    // How a step is priced or done (按日价办理, 按价目表): the terms, not the thing asked for.
    '按 ' +
    // The whole unit a warranty covers (整机质保期内): the maker's word, never the caller's.
    '整机 ' +
    // The kind a rule leaves to the others (其他…退款): the rule's grammar, never the caller's word;
    // the way money goes back (原路退回): the operator's, not what is asked back.
    '其他 其它 原路 ' +
    // Whose number it is (技师的私人手机号): the rule's care, never said by a caller who asks for it.
    '私人 ' +
    // 仅退款: money back and nothing else, the operator's word; a caller asks for the money (退给我).
    '仅 ' +
    // Where a thing is done (在房间使用明火): the place says it, which callers name without 在 (屋里).
    '在 ' +
    // What the segmenter leaves of 持卡人 (持, 卡, 人): whose card it is, never what is asked.
    '持 ' +
    // How the operator does it (客服当场答应, 当场派上门救援): the operator's manner, never asked.
    '当场 客服 答应 ' +
    // The object marker (把飞手、地勤的私人手机号…给客人): the rule's grammar, never part of a word.
    '把'
  ).split(' '),
);
/** A weekday's name, or a range of them written as one word (monday-saturday). */
const WEEKDAYS_EN =
  /^(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:s|[-–]?(?:to[-–])?(?:mon|tues|wednes|thurs|fri|satur|sun)days?)?$/;

const GENERIC_EN = new Set(
  (
    'request requests claim claims handling handle process processing application apply submit for the a an my your of to ' +
    'on with customer customers amount value total single per any please and or in by is are be from it this that ' +
    // Words that carry a rule's grammar, not its content (claims that a device was damaged while
    // in our care): a caller says none of them.
    'was were been being our we us its has have had while than also just very ' +
    // When, relative to what (after the test, before doors, within 10 days): the terms, which the
    // request's own when does not say (after the written one).
    'after before during until within without between into onto upon ' +
    // Where or how soon (at once, at the desk): said or not, the same step.
    'at ' +
    // The particle of a phrasal verb (give out, take down) is the verb's: "freaking out" says no code given out.
    'up out off down ' +
    // Why the company gives it (a goodwill credit, a courtesy phone): the company's word, never the caller's.
    'goodwill courtesy complimentary discretionary ' +
    // What a possessive leaves when the count before it is read as the rule's limit (one extra day's).
    's ' +
    // relabelling a tattoo as anything else, work that was not done: a rule's grammar again, which
    // any sentence says (move anything, I'm not cancelling).
    'as anything anyone anybody something someone somebody everything else etc such not ' +
    // How many times a rule allows (extend a card's expiry once): its terms, which a caller never says.
    'once twice ' +
    // what the file shows we owe: a relative clause's pronoun, grammar again.
    'what which whatever'
  ).split(' '),
);

/** A light English stemmer: enough to equate refunds/refund, requested/request, files/file. */
export function stem(word: string): string {
  // pick-up, drop-off, e-mail: one word, however it is written (pickup, email).
  let w = (word.includes('-') ? word.replaceAll('-', '') : word).replace(/'s$|s'$|'$/, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return withSilentE(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ed')) return withSilentE(w.slice(0, -2));
  if (/(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * The verb before -ing or -ed as it is written alone: transferr → transfer (undoubled), giv →
 * give, clos → close, writ → write (one short vowel between consonants lost its e), so "giving
 * out codes" and "give me the code" share give. Not after a doubled consonant (shipp → ship).
 */
function withSilentE(w: string): string {
  const single = undoubled(w);
  if (single !== w) return single;
  return SHORT_SYLLABLE.test(w) ? `${w}e` : w;
}

/** One vowel and one consonant after any consonants (giv, shar, writ; not book, read, open, fix). */
const SHORT_SYLLABLE = /^[^aeiouy]*[aeiou][^aeiouwxy]$/;

/** transferr(ed), stopp(ed), cancell(ed): the consonant doubled before -ed or -ing, once. */
function undoubled(w: string): string {
  if (/([bgmnprt])\1$/.test(w) || (w.length > 6 && w.endsWith('ell'))) return w.slice(0, -1);
  return w;
}

// A hyphenated word of letters is one word (pick-up); 30-day is a number and a word.
export const EN_WORD = /(?:[a-z]+(?:-[a-z]+)+|[a-z0-9]+)(?:'[a-z]+)?/g;

const TAKEN_AWAY =
  /\b(?:take|taking|took|fetch|cart|haul)\s+(?:it|them|that|this|the\s+[a-z-]+)\s+away\b|\b(?:pick|picking)\s+(?:it|them|that|this)\s+up\b|\bcome\s+(?:and|to)\s+(?:get|take|fetch)\s+(?:it|them)\b/;

/** Kinds of vehicle a caller names (my car, the van), which a business's rules call a vehicle. */
const VEHICLES = new Set([
  'car',
  'cars',
  'van',
  'vans',
  'truck',
  'trucks',
  'suv',
  'motorbike',
  'motorcycle',
  'jeep',
  'ute',
]);

/** English stems of normalised text. */
export function stemsOf(norm: string): Set<string> {
  const out = new Set<string>();
  // `exec` on the one expression: `matchAll` would copy it for every text.
  EN_WORD.lastIndex = 0;
  let previous = '';
  let previousEnd = -1;
  for (let m = EN_WORD.exec(norm); m !== null; m = EN_WORD.exec(norm)) {
    const word = m[0];
    out.add(stem(word));
    // Can I buy a gift voucher: what the caller buys, the business sells (sell gift vouchers).
    if (word === 'buy' || word === 'purchase') out.add('sell');
    // Swap it for an empty one: what a business calls an exchange.
    if (word === 'swap') out.add('exchange');
    // My car, the van: what a business calls a vehicle.
    if (VEHICLES.has(word)) out.add('vehicle');
    // A rule's pick-up or third-party is one word; a caller may write it as two (pick up, third
    // party) or as its parts (third-party cover names the party too).
    if (word.includes('-')) for (const part of word.split('-')) out.add(stem(part));
    if (previous !== '' && m.index === previousEnd + 1 && norm.charCodeAt(previousEnd) === 32)
      out.add(stem(`${previous}${word}`));
    previous = /^[a-z]+$/.test(word) ? word : '';
    previousEnd = m.index + word.length;
  }
  // Take it away, pick them up, come and get it: the thing collected.
  if ((norm.includes(' away') || norm.includes(' up') || norm.includes('come ')) && TAKEN_AWAY.test(norm))
    out.add('collect');
  return out;
}

/**
 * Content words of normalised text, leaving out generic words and `absorb` (words that belong to
 * an action already recognised). Single-character Chinese segments next to each other are kept
 * together (月|租 -> 月租, 解|约 -> 解约): one character alone says too little.
 */
export function contentWords(norm: string, absorb: readonly string[] = []): Words {
  const zh: string[] = [];
  const en: string[] = [];
  const absorbed = new Set(absorb);
  const absorbedStems = new Set(absorb.map(stem));
  for (const m of norm.matchAll(EN_WORD)) {
    const s = stem(m[0]);
    // (Monday-Saturday): the days something is done on are its schedule, no word of what is asked.
    if (WEEKDAYS_EN.test(m[0])) continue;
    if (!GENERIC_EN.has(m[0]) && !GENERIC_EN.has(s) && !absorbedStems.has(s) && !en.includes(s)) en.push(s);
  }
  for (const run of norm.match(/[\u3400-\u9fff]+/g) ?? []) {
    let pending = '';
    const keep = (w: string): void => {
      if (w !== '' && !zh.includes(w) && !absorbed.has(w) && !GENERIC_ZH.has(w)) zh.push(w);
    };
    const flush = (): void => {
      // Single characters joined (解|锁 -> 解锁) are a word too: absorbed or generic, it goes.
      // Four of them are mostly two words the segmenter did not know (月|嫂|上|户: 月嫂, 上户); five,
      // two such words and a modifier (门|店|妆|造|新: 门店, 妆造).
      if (pending.length === 4 || pending.length === 5) {
        keep(pending.slice(0, 2));
        keep(pending.slice(2, 4));
      } else keep(pending);
      pending = '';
    };
    // 日 alone is a day counted (30日内), but 日|票 and 日|租 are a day's pass and a day's rent.
    let day = false;
    // The last segment was a word of two or more characters, kept as the last of `zh`.
    let joinable = false;
    // 人 right after such a word, waiting for the next segment to tell whose it is.
    let person = false;
    for (const seg of wordSegmenter().segment(run)) {
      const w = seg.segment;
      const afterDay = day;
      day = false;
      // 持有|人, 申请|人: the person of a word the segmenter cut off is that word's agent (the
      // holder), not a word of its own that every request would have to say. Not where 人 starts
      // a word of single characters (完成|人|脸|核验: the face).
      if (person) {
        if (w.length === 1 && !PARTICLE.test(w) && !GENERIC_ZH.has(w) && !absorbed.has(w)) pending = '人';
        else zh[zh.length - 1] += '人';
        person = false;
      }
      if (GENERIC_ZH.has(w) || absorbed.has(w)) {
        flush();
        day = w === '日';
        joinable = false;
        continue;
      }
      // 退|未|提货: 未 (not yet) tells the state of the word after it (未提货), no part of the one
      // before: it starts a word.
      if (w === '未') {
        flush();
        pending = w;
        joinable = false;
        continue;
      }
      if (pending === '未' && w.length > 1) {
        pending = '';
        keep(`未${w}`);
        joinable = true;
        continue;
      }
      if (w === '人' && pending === '' && joinable) person = true;
      else if (w.length === 1) pending += afterDay && pending === '' ? `日${w}` : w;
      else {
        flush();
        zh.push(w);
      }
      joinable = w.length > 1;
    }
    if (person) zh[zh.length - 1] += '人';
    flush();
  }
  return { zh, en };
}

// Characters after 人 that join it to no word (投保人的, 承租人或).
const PARTICLE = /^[的地得了和与或及是在]$/;

/** True when the words are all present: Chinese words as substrings, English stems as words. */
export function covers(words: Words, norm: string, stems: () => Set<string>): boolean {
  for (const w of words.zh) if (!norm.includes(w)) return false;
  if (words.en.length === 0) return true;
  const have = stems();
  for (const w of words.en) if (!have.has(w)) return false;
  return true;
}

export function isEmpty(words: Words): boolean {
  return words.zh.length === 0 && words.en.length === 0;
}
