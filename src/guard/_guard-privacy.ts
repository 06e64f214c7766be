// The reply guard's first rule: another customer's data never goes out, in any disguise.

import { escapeRegExp } from '../domain/escape-reg-exp.js';
import { isCallersNumber, maskPhone, NAMED_PHONE, normalizePhone } from '../domain/phone.js';
import { contactHandlesIn } from '../domain/response-parties.js';
import { digitsAsAscii, isQuestion, sentenceAt } from './_guard-text.js';
import type { GuardReplyInput, GuardVerdict } from './reply-guard.js';

/** Common surnames and how they are written in Latin letters (pinyin, Cantonese, Hokkien forms). */
const SURNAME_LATIN: Record<string, string[]> = {
  王: ['wang', 'wong'],
  李: ['li', 'lee', 'lei'],
  张: ['zhang', 'chang', 'cheung'],
  刘: ['liu', 'lau', 'lao'],
  陈: ['chen', 'chan', 'tan'],
  杨: ['yang', 'yeung'],
  黄: ['huang', 'wong', 'ng'],
  赵: ['zhao', 'chiu', 'chao'],
  吴: ['wu', 'ng', 'woo'],
  周: ['zhou', 'chow', 'chou'],
  徐: ['xu', 'hsu', 'tsui'],
  孙: ['sun', 'suen'],
  马: ['ma', 'mah'],
  朱: ['zhu', 'chu', 'chu'],
  胡: ['hu', 'wu', 'woo'],
  郭: ['guo', 'kwok', 'kuo'],
  何: ['he', 'ho'],
  高: ['gao', 'ko', 'kao'],
  林: ['lin', 'lam', 'lim'],
  罗: ['luo', 'law', 'lo'],
  郑: ['zheng', 'cheng', 'cheng'],
  梁: ['liang', 'leung'],
  谢: ['xie', 'tse', 'hsieh'],
  宋: ['song', 'sung'],
  唐: ['tang', 'tong'],
  许: ['xu', 'hui', 'hsu'],
  韩: ['han', 'hon'],
  冯: ['feng', 'fung'],
  邓: ['deng', 'tang', 'teng'],
  曹: ['cao', 'tso', 'tsao'],
  彭: ['peng', 'pang'],
  曾: ['zeng', 'tsang', 'tseng'],
  肖: ['xiao', 'siu'],
  萧: ['xiao', 'siu', 'hsiao'],
  田: ['tian', 'tin'],
  董: ['dong', 'tung'],
  袁: ['yuan', 'yuen'],
  潘: ['pan', 'poon'],
  于: ['yu', 'yue'],
  蒋: ['jiang', 'chiang'],
  蔡: ['cai', 'choi', 'tsai'],
  余: ['yu', 'yue'],
  杜: ['du', 'to'],
  叶: ['ye', 'yip', 'yeh'],
  程: ['cheng', 'ching'],
  苏: ['su', 'so'],
  魏: ['wei', 'ngai'],
  吕: ['lv', 'lu', 'lui'],
  丁: ['ding', 'ting'],
  任: ['ren', 'yam'],
  沈: ['shen', 'sum'],
  姚: ['yao', 'yiu'],
  卢: ['lu', 'lo'],
  姜: ['jiang', 'keung'],
  崔: ['cui', 'choi'],
  钟: ['zhong', 'chung'],
  谭: ['tan', 'tam'],
  陆: ['lu', 'luk'],
  汪: ['wang', 'wong'],
  范: ['fan', 'fan'],
  金: ['jin', 'kim', 'kam'],
  石: ['shi', 'shek'],
  廖: ['liao', 'liu'],
  贾: ['jia', 'ka'],
  夏: ['xia', 'ha'],
  韦: ['wei', 'wai'],
  付: ['fu'],
  傅: ['fu'],
  方: ['fang', 'fong'],
  白: ['bai', 'pak'],
  邹: ['zou', 'chow'],
  孟: ['meng', 'mang'],
  熊: ['xiong', 'hung'],
  秦: ['qin', 'chun'],
  邱: ['qiu', 'yau', 'chiu'],
  江: ['jiang', 'kong'],
  尹: ['yin', 'wan'],
  薛: ['xue', 'sit'],
  段: ['duan', 'tuen'],
  雷: ['lei', 'lui'],
  侯: ['hou', 'hau'],
  龙: ['long', 'lung'],
  史: ['shi', 'sze'],
  陶: ['tao', 'to'],
  黎: ['li', 'lai'],
  贺: ['he', 'ho'],
  顾: ['gu', 'koo'],
  毛: ['mao', 'mo'],
  郝: ['hao'],
  龚: ['gong', 'kung'],
  邵: ['shao', 'shiu'],
  万: ['wan', 'man'],
  钱: ['qian', 'chin'],
  严: ['yan', 'yim'],
  武: ['wu', 'mo'],
  戴: ['dai', 'tai'],
  莫: ['mo', 'mok'],
  孔: ['kong', 'hung'],
  向: ['xiang', 'heung'],
  汤: ['tang', 'tong'],
  欧阳: ['ouyang', 'auyeung'],
  司马: ['sima', 'szeto'],
  诸葛: ['zhuge'],
  上官: ['shangguan'],
  司徒: ['situ', 'szeto'],
  东方: ['dongfang'],
};

const COMPOUND_SURNAMES = Object.keys(SURNAME_LATIN).filter((s) => s.length > 1);

/** Latin spelling -> the Han surnames written that way. */
const LATIN_SURNAME: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [han, latin] of Object.entries(SURNAME_LATIN)) {
    for (const l of latin) out.set(l, [...(out.get(l) ?? []), han]);
  }
  return out;
})();

const TITLE_EN = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Madam|Mister|Sir)\.?`;
// Words that follow a surname to address a person. Not 会员/客户/VIP (钻石会员, 白金会员 hold a
// surname character), not 姐/哥 alone, and 总 only as a title (钱总共 is money).
const TITLE_ZH =
  '(?:先生|女士|小姐|太太|夫人|老师|医生|律师|总(?![额共计数和结是部体价量])|经理|老板|师傅|阿姨|叔叔|大爷|大妈|奶奶|爷爷|大哥|大姐|同学)';
/** A name that is only a surname and a title (王先生, Ms. Lee): anyone with that surname is called so. */
const TITLE_ONLY = new RegExp(`^(?:\\p{Script=Han}{1,2}${TITLE_ZH}|${TITLE_EN}\\s+[\\p{L}'-]+)$`, 'iu');
/** A placeholder name for a caller we do not know yet (来电客户_1234) names nobody. */
const PLACEHOLDER = /^来电客户_|^Caller[ _]/i;

/** The surname(s) a stored name carries, in Han and Latin letters, lower-cased. */
function surnamesOf(name: string): Set<string> {
  const out = new Set<string>();
  const n = name.normalize('NFKC').trim();
  if (n === '' || PLACEHOLDER.test(n)) return out;
  if (/^\p{Script=Han}/u.test(n)) {
    const han = COMPOUND_SURNAMES.find((c) => n.startsWith(c)) ?? [...n][0]!;
    out.add(han);
    for (const l of SURNAME_LATIN[han] ?? []) out.add(l);
    return out;
  }
  const tokens = n
    .replace(new RegExp(`^${TITLE_EN}\\s+`, 'i'), '')
    .split(/[\s,]+/)
    .filter((t) => /^[\p{L}'-]+$/u.test(t))
    .map((t) => t.toLowerCase());
  const titled = new RegExp(`^${TITLE_EN}\\s+`, 'i').test(n);
  // Ms. Lee / Ann Lee: the last word; Wang Fang (family name first): the first, when it is one.
  const candidates = titled ? tokens.slice(0, 1) : tokens.slice(-1);
  if (!titled && tokens.length > 1 && LATIN_SURNAME.has(tokens[0]!)) candidates.push(tokens[0]!);
  for (const c of candidates) {
    out.add(c);
    for (const han of LATIN_SURNAME.get(c) ?? []) out.add(han);
  }
  return out;
}

/** Surnames the caller gave for themselves in this call (我姓王, 我是王先生, I'm Mr. Wang). */
function statedSurnames(utterances: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of utterances) {
    const u = raw.normalize('NFKC');
    for (const m of u.matchAll(/(?:我姓|本人姓|我是|我叫|我的名字是|我名字叫)\s*(\p{Script=Han}{1,3})/gu)) {
      for (const s of surnamesOf(m[1]!)) out.add(s);
    }
    for (const m of u.matchAll(
      /\b(?:my name is|my name's|i'm|i am|this is|it's|call me)\s+((?:(?:mr|ms|mrs|miss|dr)\.?\s+)?[\p{L}'-]+(?:\s+[\p{L}'-]+)?)/giu,
    )) {
      for (const s of surnamesOf(m[1]!)) out.add(s);
    }
    for (const m of u.matchAll(/\b(?:surname|last name|family name) is\s+([\p{L}'-]+)/giu)) {
      for (const s of surnamesOf(m[1]!)) out.add(s);
    }
  }
  return out;
}

/** A caller's own phone may be said in any form; another's in none. */
interface Phones {
  caller: string;
  others: string[];
}

/** The draft with digits in every disguise made plain: 壹叁玖 -> 139, 139-1234 5678 -> 13912345678. */
export function plainDigits(draft: string): string {
  return digitsAsAscii(draft).replace(/(?<=[\d*xX×•●#])[\s\-–—.·・_/|、,，]+(?=[\d*xX×•●#])/g, '');
}

/** A run of digits that may be a whole phone number (an optional + or 00 before it). */
export const PHONE_RUN = /(?<![\d+])(?:\+|00)?\d{5,24}(?!\d)/g;

/** A masked form (139****5678, ****5678) fits a phone when every digit shown is the phone's. */
function fitsMask(mask: string, phone: string): boolean {
  if (mask.length !== phone.length) return false;
  return [...mask].every((c, i) => !/\d/.test(c) || c === phone[i]);
}

/**
 * A contact handle a system returned (a doctor's WeChat, a courier's e-mail) said in the draft,
 * unless the caller said it first: a way to reach someone is nobody's to hand out.
 */
export function checkContactHandles(draft: string, input: GuardReplyInput): GuardVerdict {
  const lower = draft.toLowerCase();
  const said = input.customerUtterances.join('\n').toLowerCase();
  for (const q of input.systemQueries) {
    if (!q.ok) continue;
    for (const handle of contactHandlesIn(q.response)) {
      const h = handle.toLowerCase();
      if (lower.includes(h) && !said.includes(h))
        return privacyStop(
          `The reply reads out a contact handle a system returned (${h.slice(0, 2)}…): never give out a way to reach someone.`,
        );
    }
  }
  return { ok: true };
}

/**
 * A number a system returned, said in the draft as someone's phone (an engineer's mobile in a note
 * for staff), unless it is the caller's or the caller said it first: nobody else's number leaves.
 */
export function checkNamedPhones(draft: string, input: GuardReplyInput): GuardVerdict {
  const said = plainDigits(input.customerUtterances.join('\n'));
  // What the systems returned, read once and only when a draft says a phone at all.
  let returned: string | undefined;
  for (const m of draft.matchAll(NAMED_PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (isCallersNumber(digits, input.callerPhone) || said.includes(digits)) continue;
    returned ??= input.systemQueries
      .filter((q) => q.ok)
      .map((q) => plainDigits(JSON.stringify(q.response)))
      .join('\n');
    if (returned.includes(digits))
      return privacyStop(
        `The reply reads out a phone number a system returned (${maskPhone(digits)}), not the caller's: never give out a way to reach someone.`,
      );
  }
  return { ok: true };
}

function privacyStop(detail: string): GuardVerdict {
  return { ok: false, rule: 'other_customer_data', detail };
}

function checkPhones(draft: string, phones: Phones): GuardVerdict {
  const plain = plainDigits(draft);
  for (const m of plain.matchAll(/(?<!\d)(?:\+?86)?(1[3-9]\d{9})(?!\d)/g)) {
    if (m[1] !== phones.caller) {
      return privacyStop(
        `The reply says the phone number ${maskPhone(m[1]!)}, which is not the caller's: never give out another customer's data.`,
      );
    }
  }
  // Another customer's number in full, of any kind (a landline, a number abroad).
  for (const m of plain.matchAll(PHONE_RUN)) {
    const phone = normalizePhone(m[0]);
    if (phone !== phones.caller && phones.others.includes(phone)) {
      return privacyStop(
        `The reply says the phone number ${maskPhone(phone)}, another customer's: never give out another customer's data.`,
      );
    }
  }
  // 139****5678, 139xxxx5678, 1391234****, *******5678: a masked number that is not the caller's.
  for (const m of plain.matchAll(/(?<![\dA-Za-z])[\d*xX×•●#]{11}(?![\dA-Za-z])/g)) {
    const token = m[0].replace(/[xX×•●#]/g, '*');
    if (!/\*/.test(token) || (token.match(/\d/g) ?? []).length < 4 || !/^[1*]/.test(token)) continue;
    if (!fitsMask(token, phones.caller)) {
      return privacyStop(
        `The reply says a masked phone number (${token}) that is not the caller's: never give out another customer's data, masked or not.`,
      );
    }
  }
  // 尾号5678, ending in 5678: another customer's last four, when they are not the caller's too.
  const tail =
    // Chinese digits are already ASCII here: 末四位 reads 末4位.
    /(?:尾号|尾数|末尾|末4位|后4位|最后4位|结尾是|ending (?:in|with)|ends? (?:in|with)|last (?:four|4)(?: digits)?(?: of [^\d]{0,30}?)?(?: are| is|:)?)\s*(?:是|为|:)?\s*(\d{4})(?!\d)/gi;
  for (const m of plain.matchAll(tail)) {
    const four = m[1]!;
    if (phones.caller.endsWith(four)) continue;
    if (phones.others.some((p) => p.endsWith(four))) {
      return privacyStop(
        `The reply gives the last four digits of another customer's phone (尾号${four}): never give out another customer's data.`,
      );
    }
  }
  // A long run of another customer's digits (12345678 out of 13912345678) is their number too.
  for (const m of plain.matchAll(/(?<!\d)\d{7,10}(?!\d)/g)) {
    if (phones.caller.includes(m[0])) continue;
    if (phones.others.some((p) => p.includes(m[0]))) {
      return privacyStop(
        `The reply says part of another customer's phone number (${m[0].length} digits): never give out another customer's data.`,
      );
    }
  }
  return { ok: true };
}

function maskName(name: string): string {
  const chars = [...name];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** The draft without spaces between Han characters (李 女士, 李　小　红). */
export function compactHan(draft: string): string {
  return draft.replace(/(?<=\p{Script=Han})\s+(?=[\p{Script=Han}A-Za-z*])/gu, '');
}

function mentionsFullName(draft: string, compact: string, name: string): boolean {
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(name)) {
    const words = name.split(/\s+/).map(escapeRegExp).join(String.raw`\s+`);
    return new RegExp(`(?<![\\p{L}])${words}(?![\\p{L}])`, 'iu').test(draft);
  }
  return compact.includes(name.replace(/\s+/g, ''));
}

/**
 * 李女士, 李 女士, 姓李的VIP, 李**, Ms. Li: a surname that belongs to another customer and not to
 * the caller, with a title or a mask, points at that customer.
 */
function surnameReference(draft: string, compact: string, surname: string): string | undefined {
  if (/^\p{Script=Han}+$/u.test(surname)) {
    const s = escapeRegExp(surname);
    const zh = new RegExp(
      // Not 小王 / 老王 (how staff are called) nor 我是王经理 (the operator introducing themselves).
      `(?<![小老]|我是|我叫|本人|我姓)${s}${TITLE_ZH}|(?<!我)姓${s}|${s}姓(?!名)|${s}\\*{1,3}|(?<![\\p{Script=Han}])${s}某{1,2}(?![些种个天处时])`,
      'u',
    );
    return zh.exec(compact)?.[0];
  }
  const en = new RegExp(
    `\\b${TITLE_EN}\\s+${escapeRegExp(surname)}(?![\\p{L}])|(?<![\\p{L}])${escapeRegExp(surname)}\\s*(?:先生|女士|小姐|太太)`,
    'iu',
  );
  return en.exec(draft)?.[0];
}

/** Refusals and redirections talk about other people without giving anything of theirs. */
const REFUSAL =
  /不能|无法|不便|不可以|没办法|不会|不予|隐私|保密|抱歉|本人|自己|亲自|授权|\b(?:can't|cannot|can not|unable|not able|won't|privacy|private|protect|not allowed|not permitted|only (?:discuss|share|talk)|don't share|do not share|policy|have them|ask them|themselves|in person|account holder)\b/i;

/** A third person's account (邻居的账户, your neighbour's account) in a statement, not a refusal. */
function thirdPartyDisclosure(draft: string, callerSurnames: Set<string>): string | undefined {
  const patterns: RegExp[] = [
    /(?:(?:邻居|朋友|同事|家人|亲戚|另一位|另外一位)(?:的)?(?:客户|用户|会员|先生|女士|机主)?|(?:其他|其它|别的|另一个|另外一个)(?:的)?(?:客户|用户|会员|人|机主))[^，。；！？]{0,8}?(?:的)?(?:账户|账号|手机号|号码|订单|会员|订阅|资料|地址|欠费|余额|扣费|退款|套餐|消费)/gu,
    /\b(?:neighbou?r|friend|colleague|relative|another (?:customer|user|member|caller)|someone else|somebody else)(?:'s|s')?[^.!?]{0,40}?\b(?:account|number|phone|order|subscription|membership|address|balance|details|bill|charges?|plan)\b/giu,
  ];
  for (const re of patterns) {
    for (const m of draft.matchAll(re)) {
      const sentence = sentenceAt(draft, m.index, m[0].length);
      // 家人用您的账号 / someone else used your account: the account is the caller's own.
      if (/您|你|\byour\b/i.test(m[0]) || isQuestion(sentence)) continue;
      if (!REFUSAL.test(sentence.text)) return m[0];
    }
  }
  // 王先生的账户 / Mr. Zhou's account: someone named who is not the caller.
  const named: RegExp[] = [
    /(\p{Script=Han}{1,2}?)(?:先生|女士|小姐|太太)(?:的|名下的?)(?:账户|账号|手机号|号码|订单|会员|订阅|资料|地址|欠费|余额|扣费|退款|套餐)/gu,
    new RegExp(
      String.raw`\b${TITLE_EN}\s+([\p{L}'-]+)(?:'s|s')\s+(?:account|number|phone|order|subscription|membership|address|balance|details|bill|plan)\b`,
      'giu',
    ),
  ];
  for (const re of named) {
    for (const m of draft.matchAll(re)) {
      const who = m[1]!.toLowerCase();
      const surname = COMPOUND_SURNAMES.find((c) => who.startsWith(c)) ?? [...who].at(-1)!;
      if (callerSurnames.has(who) || callerSurnames.has(surname)) continue;
      const sentence = sentenceAt(draft, m.index, m[0].length);
      if (!REFUSAL.test(sentence.text)) return m[0];
    }
  }
  return undefined;
}

/** Another customer as the name checks need them, worked out once per list. */
interface PreparedCustomer {
  name: string;
  phone: string;
  surnames: string[];
  titleOnly: boolean;
  /** The name's first word, lower-cased: a cheap test before any pattern. */
  first: string;
}

// The same list comes back for every sentence of every reply in a call: prepare it once.
const prepared = new WeakMap<object, PreparedCustomer[]>();

function prepare(others: GuardReplyInput['otherCustomers']): PreparedCustomer[] {
  let list = prepared.get(others);
  if (!list) {
    list = others.map((o) => {
      const name = o.name.normalize('NFKC').trim();
      return {
        name,
        phone: o.phone,
        surnames: [...surnamesOf(name)],
        titleOnly: TITLE_ONLY.test(name),
        first: (name.split(/\s+/)[0] ?? '').toLowerCase(),
      };
    });
    prepared.set(others, list);
  }
  return list;
}

/**
 * Stops a draft that says another customer's data: their phone in full, masked, in part or in
 * Chinese numerals; their name, or their surname with a title; a third person's account.
 * `draft` is already normalised (NFKC, no format characters).
 */
export function checkOtherCustomers(draft: string, input: GuardReplyInput): GuardVerdict {
  const phones = checkPhones(draft, {
    caller: input.callerPhone,
    others: input.otherCustomers.map((o) => o.phone).filter((p) => p !== input.callerPhone),
  });
  if (!phones.ok) return phones;

  const callerNames = new Set((input.callerNames ?? []).map((n) => n.normalize('NFKC').trim()));
  const callerSurnames = statedSurnames(input.customerUtterances);
  for (const n of callerNames) for (const s of surnamesOf(n)) callerSurnames.add(s);

  const compact = compactHan(draft);
  const lower = draft.toLowerCase();
  // Surnames are checked once each, not once per customer: a store holds thousands of customers.
  const otherSurnames = new Set<string>();
  for (const other of prepare(input.otherCustomers)) {
    if (other.phone === input.callerPhone || [...other.name].length < 2 || callerNames.has(other.name))
      continue;
    const sharedWithCaller = other.surnames.some((s) => callerSurnames.has(s));
    if (!sharedWithCaller) for (const s of other.surnames) otherSurnames.add(s);
    // A cheap look first: the name's first word must be in the draft at all.
    if (!lower.includes(other.first) && !compact.includes(other.first)) continue;
    // 王先生 is what anyone called Wang is called; 王芳 is one person, whoever else is a Wang.
    if (sharedWithCaller && other.titleOnly) continue;
    if (mentionsFullName(draft, compact, other.name)) {
      return privacyStop(
        `The reply names another customer (${maskName(other.name)}): never give out another customer's data.`,
      );
    }
  }
  for (const surname of otherSurnames) {
    if (!lower.includes(surname) && !compact.includes(surname)) continue;
    const said = surnameReference(draft, compact, surname);
    if (said !== undefined) {
      return privacyStop(
        `The reply points at another customer by surname (${maskName(said)}), and that surname is not the caller's: never give out another customer's data.`,
      );
    }
  }
  const third = thirdPartyDisclosure(compact, callerSurnames);
  if (third !== undefined) {
    return privacyStop(
      `The reply talks about someone else's account ("${third}"): only the caller's own account may be discussed.`,
    );
  }
  return { ok: true };
}
