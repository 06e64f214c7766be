/**
 * The tokenizer shared by knowledge retrieval (index and queries alike) and anyone who wants to
 * compare customer text with product text the same way.
 *
 * Chinese (and other CJK) text is cut by `Intl.Segmenter` into words, and the words into runs
 * between punctuation and stop words. Each run gives the character bigrams of its words, the
 * bigrams that join a lone character to its neighbour (the segmenter cuts 续费 into 续|费), and
 * each word of three or more characters. Bigrams make matching independent of how the segmenter
 * happened to cut a phrase (自动续费 matches 取消自动续费 and 关闭自动续费); two-character words
 * are bigrams already, so they are not emitted twice. English is lower-cased and lightly stemmed
 * (renewal -> renew, refunds -> refund); digits are kept.
 */

import { wordSegmenter } from '../domain/word-segmenter.js';

/**
 * Chinese function words, pronouns, question words, fillers and pleasantries that say nothing about
 * a topic (question words that do, such as 多久 and 几, stay).
 */
const CJK_STOP_WORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 哈 么 着 过 地 得 和 与 及 或 是 在 就 都 也 还 又 很 太 再 把 被 给 让 ' +
    '这 那 这个 那个 这样 那样 这些 那些 一下 一些 有点 一点 怎么 怎样 怎么样 咋 咋办 如何 ' +
    '我 你 您 他 她 它 我们 你们 他们 咱们 我的 你的 您的 我要 我想 想 要 请 请问 问 问下 问一下 想问 ' +
    '为什么 为啥 啥 怎么办 办 弄 搞 麻烦 帮 帮我 帮忙 可以 也可以 就可以 能 能不能 可不可以 是不是 什么 一个 个 下 ' +
    '没有 没 别的 其他 问题 事情 东西 老是 总是 一直 已经 还是 就是 但是 可是 然后 所以 因为 如果 要是 假如 万一 的话 那么 这么 其实 现在 刚才 刚刚 一般 大概 好像 ' +
    // 还有，我后头又买了三包: "and also" opens a line, as it opens an FAQ's question (百草枯还有卖吗), about nothing.
    '还有 另外 ' +
    '这边 那边 这里 那里 特别 非常 一股 有股 股 ' +
    '你好 您好 喂 谢谢 多谢 感谢 好的 好 嗯 恩 哦哦 对 对了 行 没事 拜拜 再见'
  ).split(' '),
);

/** Sentence-final particles the segmenter sometimes glues to the word before (扣了, 到了吗). */
const TRAILING_PARTICLES = new Set(['了', '吗', '呢', '吧', '啊', '呀', '嘛']);

/**
 * Northern speech adds 儿 to a word without changing it (味儿, 事儿, 点儿, 门儿): it is dropped, so
 * 臭鸡蛋味儿 meets 臭鸡蛋味. Where 儿 is the word's own child (女儿, 婴儿, 幼儿), it stays.
 */
const ERHUA = /(?<![女婴幼孤男健宠胎育])儿$/u;

/**
 * Words that ask how much or how long. A lone character before one (赔多少, 退多少, 等多久) is the
 * verb asked about and stands as its own term: the bigram across them (赔多) names nothing.
 */
const AMOUNT_QUESTIONS = new Set(['多少', '多少钱', '多久', '几']);

const EN_STOP_WORDS = new Set(
  (
    'a an the and or but if so of to for from by with at as about into is are was were be been am ' +
    'do does did done doing i im me my mine we us our you your yours he she they them their it its ' +
    'this that these those there here what which who whom how can could would should will shall may might ' +
    'must please hi hello hey thanks thank ok okay yes just want wanted like also too very much many some any ' +
    // Spoken contractions written without the apostrophe (gonna, gotta, yall, hed, youre).
    'gonna gotta wanna yall ive id hed youre youve theyre dont doesnt didnt isnt arent wasnt ' +
    'whats hows wheres whos thats theres heres ' +
    // Texting and filler (u, ur, kinda, lol, rn): they say nothing of what is asked.
    'u ur ya guys kinda sorta lol omg pls plz thx ty tho rn idk um uh literally actually thing stuff em'
  ).split(' '),
);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN_OR_DIGIT_RUN = /[\p{L}\p{N}]+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const VOWEL = /[aeiouy]/;

/**
 * Splits text into search terms: CJK bigrams and long words, stemmed lower-case English words and
 * numbers, without punctuation or stop words. The same text always gives the same terms, in order
 * of appearance (repeats kept, so term frequency means something).
 *
 * @example tokenize('如何取消会员自动续费？') // ['取消', '会员', '自动', '动续', '续费']
 * @example tokenize('How do I turn off auto-renewal?') // ['turn', 'off', 'auto', 'renew']
 */
export function tokenize(text: string): string[] {
  let terms = tokenized.get(text);
  if (terms === undefined) {
    terms = termsOf(text);
    if (tokenized.size >= TOKENIZED_MAX) tokenized.clear();
    tokenized.set(text, terms);
  }
  // A copy: callers may keep or change what they are given.
  return terms.slice();
}

/**
 * Texts tokenized lately: a turn reads the same ones again and again (the caller's line, the
 * interfaces' descriptions, the items of a response), and segmenting is most of the cost.
 */
const tokenized = new Map<string, string[]>();
const TOKENIZED_MAX = 4096;

function termsOf(text: string): string[] {
  const terms: string[] = [];
  // NFKC folds full-width letters and digits (ＡＢＣ１２３) into ASCII.
  const normalized = foldSynonyms(text.normalize('NFKC').toLowerCase().replaceAll('’', "'"));
  // The CJK words of the current run (between punctuation, stop words and non-CJK text), each as
  // its characters: code points, since rarer Han characters lie outside the BMP.
  let run: string[][] = [];
  const endRun = () => {
    if (run.length === 1 && run[0]!.length === 1) terms.push(run[0]![0]!);
    for (let k = 0; k < run.length; k++) {
      const chars = run[k]!;
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
      if (chars.length >= 3) terms.push(chars.join(''));
      // Across a word boundary only when one side is a lone character (自动|续|费 -> 动续, 续费):
      // between two whole words (取消|自动) the bigram is noise that would outweigh real words.
      const next = run[k + 1];
      if (next !== undefined && chars.length === 1 && AMOUNT_QUESTIONS.has(next.join('')))
        terms.push(chars[0]!);
      else if (next !== undefined && (chars.length === 1 || next.length === 1))
        terms.push(chars.at(-1)! + next[0]!);
    }
    run = [];
  };
  for (const { segment, isWordLike } of wordSegmenter().segment(normalized)) {
    if (!isWordLike) {
      endRun();
      continue;
    }
    if (CJK.test(segment)) {
      // Word-like segments can still carry symbols (CJK radicals, unassigned code points).
      let word = segment.replaceAll(NOT_LETTER_OR_DIGIT, '');
      let particle = false;
      if (word.length > 1 && TRAILING_PARTICLES.has(word.at(-1)!)) {
        word = word.slice(0, -1);
        particle = true;
      }
      // 味儿 as one word, or 味|儿 as the segmenter sometimes cuts it.
      if (word === '儿' && run.length > 0) continue;
      if (word.length > 1) word = word.replace(ERHUA, '');
      if (word === '' || CJK_STOP_WORDS.has(word)) endRun();
      else run.push(Array.from(word));
      if (particle) endRun();
      continue;
    }
    endRun();
    // A word-like segment may still hold apostrophes or dots (it's, 3.5gb): keep its letter and
    // digit runs.
    for (const match of segment.replaceAll(/'s$/g, '').replaceAll("'", '').matchAll(LATIN_OR_DIGIT_RUN)) {
      const word = match[0];
      if (CJK.test(word)) continue;
      // Single letters (the e of e-mail) carry nothing; single digits do (1 to 3 days).
      if (EN_STOP_WORDS.has(word) || (word.length === 1 && !/\d/.test(word))) continue;
      terms.push(stem(word));
    }
  }
  endRun();
  return terms;
}

/**
 * Words callers and product texts use for the same thing, folded to one before tokenizing (index
 * and query alike): 连网/配网/上网 all mean getting a device online, 多长时间 asks 多久.
 */
const SYNONYMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/连网|配网|上网|入网|连wifi|连无线/g, '联网'],
  [/多长时间|多少天|几天|多少时间/g, '多久'],
  // 钱几时返到我微信度, 回到我卡上: money back where it came from has arrived (到账), and when it
  // arrives is how long it takes, as an FAQ asks it (退款多久到账).
  [
    /(?:回|返|退)(?:到|返|回)(?:我的?|俺的?)?(?:微信|支付宝|银行卡|卡|账户|账上|钱包|原账户)(?:里|上|度)?/g,
    '到账',
  ],
  // 钞票啥辰光到我微信里, 几时能进我卡: when money reaches where it came from asks how long until 到账.
  [
    /(?:什么时候|啥时候|么时候|几时|几耐|啥辰光|哪样时候)(?:能|会|才|可以)?(?:到|进|回)(?:我的?|俺的?)?(?:微信|支付宝|银行卡|卡|账户|账上|钱包)(?:里|上|度)?/g,
    '多久到账',
  ],
  // Sichuan and Hubei ask how long with 好久 / 好长时间 (好久到账); 好久没到账 complains, so stays.
  [
    /(?:什么时候|啥时候|么时候|几时|几耐|啥辰光|(?<![等了过])好(?:久|长时间)(?![^,，。.?？!！]{0,3}?[没冇未]))(?=[^,，。.?？!！]{0,4}?到账)/g,
    '多久',
  ],
  [/退钱|返钱/g, '退款'],
  // 过年你们开到哪天, 开不开门, 几号关门: when the shop is open, as an FAQ on opening asks it.
  [
    /开到(?:哪天|几号|什么时候|啥时候|几时|哪一天)|开不开门|营不营业|(?:哪天|几号|什么时候|啥时候)(?:关门|开门|歇业|放假)|关到(?:哪天|几号)/g,
    '营业时间',
  ],
  // 礼拜六你们开门吧？还开着不？: whether the shop is open, asked.
  [/(?:开门|营业|开着)(?:吗|吧|不|没|嘛|么|没有|冇|啵)?(?=[啊呀哈啦嘞]?\s*[？?])/g, '营业时间'],
  // 送的那五百, 送的钱: money given free with a top-up, as an FAQ says 赠送.
  [/(?<!赠)送的(?=那|这|钱|金|[\d一二两三四五六七八九十百千几]+)/g, '赠送的'],
  [/邮费|快递费/g, '运费'],
  // 小孩子怎么算钱, 咋收钱: how something is charged, as an FAQ says 收费.
  [/算钱|收钱|算价钱/g, '收费'],
  // 还有没有位置, 有位子吗, 还剩空位: places left, as a schedule's texts say 余位.
  [/(?:还有|有没有|还剩|剩|有)(?:没有)?(?:位置|位子|空位)/g, '余位'],
  [/质保/g, '保修'],
  // 交电费, 缴水费, 交费: paying a bill, as a utility's records say 缴费 (and what for).
  [/[交缴](电|水|燃气|气|物业|话|网|停车|暖气|取暖)费/g, '缴费 $1费'],
  [/交费/g, '缴费'],
  // 哪天能完工, 啥时候弄完: when work is finished, as a contract's texts say 竣工.
  [/完工|交工|收尾完/g, '竣工'],
  // Callers say 煤气 or 天然气 for the gas a utility's texts call 燃气.
  [/煤气|天然气/g, '燃气'],
  [/帐/g, '账'],
  // 还 giving something back (还车, 还款, 还书) is a word of its own, not the 还 of "still" that the
  // stop words drop: 外头还车 then meets 还车不在停车点.
  [/(?<![归偿退])还(?=车|单车|电单车|书|款|卡|桩|货|伞|充电宝|押金)/g, '归还'],
  // "What's the damage?" asks what something comes to, not about damage.
  [/\bwhat(?:'s| is|s) the damage\b/g, 'what total'],
  // Drivers say gas or petrol for the fuel a rental's or fleet's texts speak of.
  [/\b(?:gas(?:oline)?|petrol)\b/g, 'fuel'],
  // Partners by any name: the spouse or domestic partner a policy speaks of.
  [/\b(?:boyfriend|girlfriend|husband|wife|fianc[eé]e?|spouse)s?\b/g, 'partner'],
  [/money back|reimburse(?:ment)?/g, 'refund'],
  // A whole year, yearly, per annum: what an FAQ on an annual price says.
  [/\b(?:a (?:whole |full )?year|per year|yearly|per annum|annually|for the year)\b/g, 'annual'],
  // What a thing will run me, set me back, cost me: how much it is (words an FAQ's question drops).
  [/\b(?:run|set) (?:me|us|you) (?:back )?\b|\bcost (?:me|us)\b/g, 'how much '],
  // And whatnot, and stuff, or whatever: a list trailing off, which asks about nothing more.
  [/\b(?:and|or|an') (?:whatnot|stuff|all that|so on|whatever|the like|that)\b/g, ' '],
  // Paperwork, papers, documents: what a caller needs to bring or have, as an FAQ asks it.
  [/\b(?:paperwork|papers|documents?|documentation)\b/g, 'need documents'],
  // Tickets as texted; what a platform keeps of a sale (how much do you take, what's the cut) is
  // its fee; being paid for what was sold is a payout.
  [/\btix\b/g, 'tickets'],
  [
    /\bhow much do (?:you|u)(?: guys)? (?:take|keep)\b|\bwhat(?:'s| is|s) (?:the|your) cut\b/g,
    'how much fee',
  ],
  [/\bget(?:ting)? paid\b|\bpaid out\b|\bpay(?:s|ing)? (?:out|the rest)\b/g, 'payout'],
  // Goods sent back are returned (can I send it back, mail them back).
  [/\b(?:send|ship|mail|post)(?:ing)? (?:it|them|this|that|these|those|the \w+) back\b/g, 'return'],
  [/\b(?:have to pay|pay anything|pay extra|charged? (?:me|anything|extra))\b/g, 'fee'],
  [/更换|换成|换到|换个|换一个/g, '变更'],
  // 能给挪过去不, 再挪还免费不: a device moved to a new home, as an FAQ says 移机. Not a date moved
  // (挪到下周).
  [/挪过去|移过去|挪机|迁机|移装|跟着挪|再挪(?!到)|挪一(?:回|次|下)(?!到)/g, '移机'],
  // Moving to a smaller plan, in callers' words.
  [
    /\b(?:drop(?:ping|ped)? down|step(?:ping|ped)? down|mov(?:e|ing) down|switch(?:ing)? to (?:a |the )?(?:cheaper|smaller|lower|basic))\b/g,
    'downgrade',
  ],
  [/降档/g, '降级'],
  // The days of a weekend as callers name them (礼拜天, 星期六, 周六周日) are the weekend rules speak of.
  [/(?:周|礼拜|星期)[六日天](?:(?:和|跟|、)?(?:周|礼拜|星期)?[日天])?|双休日?/g, '周末'],
  // Work done on a home (干活, 开工, 动工) is what renovation rules call 施工.
  [/干活儿?|开工|动工/g, '施工'],
  // Lost, in any words (丢了, 弄丢, 搞丢, Wuhan 弄掉了): what an FAQ on losing one (助听器丢了怎么办)
  // is about. Not 把费用弄掉了吗, a charge asked whether removed.
  [/(?:弄|搞|整)丢了?|(?:弄|搞)掉了(?![吗没么嘛])|丢了|丢失|遗失/g, '丢失'],
  // A verb asked as "A not A" (赔不赔, 退不退): the verb, as an FAQ writes it.
  [/([\u4e00-\u9fff])不\1/g, '$1'],
];

function foldSynonyms(text: string): string {
  let out = text;
  for (const [pattern, word] of SYNONYMS) out = out.replace(pattern, word);
  return out;
}

/**
 * A light English stemmer: enough to make plural, past, -ing and -al forms meet their base word
 * (refunds/refund, renewal/renewed/renew, cancelled/canceled/cancel, charged/charging/charge).
 * It is not Porter; it only has to give the same stem to the forms customers and FAQs use.
 */
export function stem(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && w.length > 3 && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 4 && !w.endsWith('eed') && VOWEL.test(w.slice(0, -2)))
    w = w.slice(0, -2);
  else if (w.endsWith('al') && w.length >= 7) w = w.slice(0, -2);
  // cancellation/cancel, activation/activate, registration/register.
  else if (w.endsWith('ation') && w.length >= 8) w = w.slice(0, -5);
  // use/used/uses, charge/charged/charging: drop the final e the suffixes dropped.
  if (w.endsWith('e') && w.length >= 3) w = w.slice(0, -1);
  // Collapse a final double consonant so cancelled/cancel and billing/bill meet.
  if (w.length > 3 && w.at(-1) === w.at(-2) && !VOWEL.test(w.at(-1)!)) w = w.slice(0, -1);
  return w;
}

const nameWordsOf = new WeakMap<object, ReadonlySet<string>>();
const NO_NAME: ReadonlySet<string> = new Set();

/**
 * The words of a product's name (安耳, 助听, 验配 …; patchwork, phone, repair), once per product:
 * what every entry, charge and line about the product shares, and so says nothing of which one.
 */
export function productNameWords(product: { readonly name?: unknown } | undefined): ReadonlySet<string> {
  if (product === undefined) return NO_NAME;
  let words = nameWordsOf.get(product);
  if (words === undefined) {
    words = new Set(tokenize(String(product.name ?? '')));
    nameWordsOf.set(product, words);
  }
  return words;
}
