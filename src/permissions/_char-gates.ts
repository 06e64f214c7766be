/**
 * Gates before the engine's regular expressions: one pass over a normalised text records which
 * groups of characters it holds, and an expression every match of which holds a character of
 * its group is not run on a text without one. A check reads the same short text through a few
 * dozen expressions that mostly find nothing, each a pass of its own: the gates answer most of
 * them with one bit test.
 *
 * A gate may open when its expression finds nothing (then the expression decides); it is shut
 * only when the expression cannot match. English wordings open a gate on any ASCII letter.
 */

/** A CJK ideograph (U+3400 to U+9FFF): the text is Chinese in part. */
export const CJK = 1;
/** An ASCII letter (lower case after normalisation). */
export const LATIN = 1 << 1;
/** A Chinese digit said one by one (零 to 九, 幺, 两). */
export const ZH_DIGIT = 1 << 2;
/** Four ASCII digits in a row. */
export const DIGITS_4 = 1 << 3;
/** Seven ASCII digits in a row. */
export const DIGITS_7 = 1 << 4;
/** Seven Chinese digits in a row (a number said digit by digit). */
export const ZH_DIGITS_7 = 1 << 5;

/** Money named (钱, 费, a charge, $ ...): `MONEY_WORDS` of the permission check. */
export const MONEY = 1 << 6;
/** Asking how (怎么, 如何, 咋, how ...). */
export const HOW = 1 << 7;
/** The openings of a clause asking for something done (帮我, 给我, 我要, 能不能 ...). */
export const ASKS = 1 << 8;
/** An amount said as a floor (至少, 超过, 以上, at least ...). */
export const AT_LEAST = 1 << 9;
/** An amount said per time (每次, 各, 分别, each ...). */
export const PER_TIME = 1 << 10;
/** A refusal (不要, 别, 无需, don't want ...). */
export const REFUSAL = 1 << 11;
/** What the lexicon's requests for other users' data say (号, 电话, 透露, 用户, whose ...). */
export const OTHER_USER_WORDS = 1 << 12;
/** A card (卡号, card number, all 16 digits). */
export const CARD = 1 << 13;
/** Hidden digits (137****5555, 137xxxx5555). */
export const MASK = 1 << 14;
/** A phone's tail (尾号, 后四位, ending in, last four). */
export const TAIL = 1 << 15;
/** An act for someone (托我, 帮他, 转给, 过户, 把, 用她的, on behalf ...): `mayHoldActs`. */
export const ACTS = 1 << 16;
/** Someone else named in a request (他, 她, 其他用户, 另一个, 隔壁, ta, his ...): `namesOtherParty`. */
export const OTHERS = 1 << 17;
/**
 * Another person of the lexicon's list (别人, 陌生人, 老婆, 我妈, 朋友, 同事, another user ...):
 * `mentionsOtherParty` (a phone number there needs `DIGITS_7`).
 */
export const SOMEONE = 1 << 18;
/** 没, 未: something not done yet (退款还没到账). */
export const NOT_YET = 1 << 19;
/** Three ASCII digits in a row (a unit: 602, 1102室). */
export const DIGITS_3 = 1 << 20;
/** Who did it, asked (谁, 哪个, 投诉, 举报, 告, 反映, who): `findOtherParty`'s complainant. */
export const WHO = 1 << 21;
/** Footage (监控, 录像, cctv, footage). */
export const FOOTAGE = 1 << 22;
/** Every gate open: for a text whose gates are not known. */
export const ALL = -1;

// The characters that open each gate; `true`: English wordings too (any ASCII letter opens it).
const GROUPS: ReadonlyArray<[number, string, boolean]> = [
  [MONEY, '钱费款块元扣$', true],
  [HOW, '怎如咋', true],
  [ASKS, '帮给替为请麻我能可', false],
  [AT_LEAST, '至起最少超大多高止以>≥', true],
  [PER_TIME, '每各分', true],
  [REFUSAL, '不别无', true],
  [NOT_YET, '没未', true],
  [OTHER_USER_WORDS, '号电透泄用客他别名册录', true],
  [CARD, '卡', true],
  [MASK, '*x×', false],
  [TAIL, '尾末后', true],
  [ACTS, '托让叫要请帮替代给转过移挪把用', true],
  // 上一位, 前一个, 下一位, 当前的骑行人, 举报人, 投诉人: someone by their turn or role.
  [OTHERS, '他她伊其别另隔楼对上前下当举投', true],
  // 我妈 and 我爸 hold 妈 and 爸.
  [SOMEONE, '别他其另陌老妻丈爱媳妈爸父儿女孩朋同家亲室邻男', true],
  // 上一位骑行人, 前一个车主: who used it before or after the caller; 卖给别人的那个号绑的手机号:
  // who holds an account the caller sold; 有没有人当过: whether anyone pawned a thing.
  [WHO, '谁哪投举告反叫上前下卖当押', true],
  [FOOTAGE, '监录', true],
];

const ZH_DIGITS = '零〇一幺二两三四五六七八九';
// An ASCII digit, in the table only: the runs are counted from it, and it opens no gate.
const DIGIT = 1 << 30;

let table: Uint32Array | undefined;

/** The gates each UTF-16 code opens, built on first use (no work at module load). */
function gateTable(): Uint32Array {
  if (table) return table;
  const t = new Uint32Array(0x10000);
  for (let c = 0x3400; c <= 0x9fff; c++) t[c] = CJK;
  let english = 0;
  for (const [gate, chars, latin] of GROUPS) {
    for (let k = 0; k < chars.length; k++) t[chars.charCodeAt(k)]! |= gate;
    if (latin) english |= gate;
  }
  for (let c = 97; c <= 122; c++) t[c]! |= LATIN | english;
  for (let k = 0; k < ZH_DIGITS.length; k++) t[ZH_DIGITS.charCodeAt(k)]! |= ZH_DIGIT;
  for (let c = 48; c <= 57; c++) t[c]! |= DIGIT;
  table = t;
  return t;
}

let lastNorm = '';
let lastGates = 0;

/**
 * The gates a normalised text opens (see the module comment), as bits. The last text's are
 * remembered: the parts of one check ask about the same text.
 */
export function charGates(norm: string): number {
  if (norm === lastNorm) return lastGates;
  const t = gateTable();
  let gates = 0;
  let digits = 0;
  let zhDigits = 0;
  for (let i = 0; i < norm.length; i++) {
    const g = t[norm.charCodeAt(i)]!;
    gates |= g;
    // Most characters are no digit of either kind: one test ends both runs.
    if ((g & (DIGIT | ZH_DIGIT)) === 0) {
      digits = 0;
      zhDigits = 0;
      continue;
    }
    if ((g & DIGIT) !== 0) {
      digits++;
      if (digits === 3) gates |= DIGITS_3;
      else if (digits === 4) gates |= DIGITS_4;
      else if (digits === 7) gates |= DIGITS_7;
    } else digits = 0;
    if ((g & ZH_DIGIT) !== 0) {
      zhDigits++;
      if (zhDigits === 7) gates |= ZH_DIGITS_7;
    } else zhDigits = 0;
  }
  gates &= ~DIGIT;
  lastNorm = norm;
  lastGates = gates;
  return gates;
}
