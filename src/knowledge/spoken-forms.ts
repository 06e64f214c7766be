/**
 * Spoken forms of Chinese read as the standard words product texts and the agent's readers use.
 * Every rewrite keeps the text's length (two characters for two), so offsets found in the
 * standard text point at the same words of what the caller said.
 */

import { wordSegmenter } from '../domain/word-segmenter.js';

/**
 * Question words and particles of South-western (Sichuan, Chongqing, Guizhou) and other regional speech:
 * 好久 asks 多久 (好久能到, 要等好久), 好多 asks 多少 (要好多钱, 扣好多, 差好多), 咋个 is 怎么,
 * 啥子 is 什么, 没得 is 没有. Where 好久 and 好多 say "a long time" and "a lot" (等了好久, 好久没骑,
 * 好多人), they are left as said.
 */
const SPOKEN_QUESTION_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  // 好久 asked: not after a verb of waiting already done (等了好久), nor before a negation
  // (好久没骑了 says it has been long).
  [/(?<![了很这那])好久(?![没不以前之])/g, '多久'],
  // 好多 asked: before money or a question particle, or after a verb of charging or paying.
  [/好多(?=钱|块|元|嘛|哦|喃|呢|啊|[？?])/g, '多少'],
  [/(?<=[要扣收差花交缴付退赔算罚补贵])好多(?![人次回遍])/g, '多少'],
  [/咋个/g, '怎么'],
  [/啥子/g, '什么'],
  [/没得(?=[其别啥什问事])/g, '没有'],
  // Hunan (Xiang) and South-western speech: 么子 is 什么, 几大 asks 多大, 伢子 is a child, 别个
  // is someone else (卖给别个了, 别个的号), 遭 before what befell is 被 (号遭盗了), 莫 before a verb
  // is 别 (莫让他再转了), and 把 after a verb of giving is 给 (退把我, 电话把我).
  [/么子/g, '什么'],
  [/几大(?=年纪|岁)/g, '多大'],
  [/伢子/g, '孩子'],
  [/别个/g, '别人'],
  [/遭(?=[盗偷封骗扣黑坑])/g, '被'],
  [/莫(?=[让给再要搞把去说转动乱])/g, '别'],
  [/(?<=[退给送发寄拿还]|电话|号码)把(?=我|他|她)/g, '给'],
  // 哒 after a verb is 了 (换哒, 算哒, 不退哒; 么么哒 and 哒哒 are no particle), and 是好多 at a
  // clause's end asks 是多少 (新号码是好多).
  [/(?<=[\u4e00-\u9fff])(?<!么|哒)哒(?!哒)/g, '了'],
  [/(?<=是)好多(?=[，,。.？?！!]|$)/g, '多少'],
  // Shanghai (Wu) speech: 拨 before whom something goes is 给 (退拨我, 拨侬), and 伊 before what
  // someone has or does is 她 (伊屋里, 伊讲, 伊自家; not 伊利, 伊朗).
  [/拨(?=我|侬|伊|阿拉)/g, '给'],
  [/(?<![木])伊(?=屋里|屋|家|自家|讲|个|的|拉|是|也|还|要|想|去|来|换|装|用)/g, '她'],
  // Henan and Shandong: 俺 is 我, 恁 is 你 (恁么, 恁般, 恁多, 恁贵 say 这么).
  [/俺/g, '我'],
  [/恁(?![么般样地多贵远久])/g, '你'],
];

/**
 * Cantonese words a caller mixes into Mandarin (我嗰单可唔可以改到下礼拜一，得唔得啊？仲有
 * 几日先到): each as the Mandarin word of the same length. 系 is 是 except inside a word
 * (关系, 联系, 系统).
 */
const CANTONESE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/得唔得/g, '行不行'],
  // 唔使 is no need (唔使同主管讲啦), 唔该晒 thanks, and 算数 closing a clause drops it (算了).
  [/唔使/g, '不用'],
  [/唔该晒/g, '谢谢了'],
  [/唔该/g, '谢谢'],
  [/(?<![唔不])算数(?=[，,。.！!]|$)/g, '算了'],
  [/边度/g, '哪里'],
  [/边(?=[个家间位处只条天日])/g, '哪'],
  [/哋/g, '们'],
  [/几多/g, '多少'],
  [/乜嘢/g, '什么'],
  [/点样/g, '怎样'],
  [/屋企/g, '家里'],
  [/嗰/g, '那'],
  [/嘅/g, '的'],
  [/唔/g, '不'],
  [/冇/g, '没'],
  [/嚟/g, '来'],
  [/咗/g, '了'],
  [/喺/g, '在'],
  [/佢/g, '他'],
  [/仲/g, '还'],
  [/睇/g, '看'],
  [/[畀俾]/g, '给'],
  [/隔篱/g, '隔壁'],
  // 屋主个电话, 佢个地址: 个 before what someone has is 的 (嘅).
  [/个(?=电话|手机|号码|地址|住址)/g, '的'],
  [/(?<![关联体派干世直父母旁])系(?![统列数])/g, '是'],
];

/**
 * Scots, Doric, Geordie, Irish and Caribbean forms of everyday English words (take that thirty quid
 * aff, whit I owe, ma money, I cannae, naebody telt me, wor Keith, unu): each as the standard word,
 * padded to the same length where it is shorter. Only forms that are no other English word.
 */
const REGIONAL_ENGLISH: Readonly<Record<string, string>> = {
  aff: 'off',
  oot: 'out',
  whit: 'what',
  tae: 'to',
  cannae: 'cannot',
  cannit: 'cannot',
  wouldnae: "wouldn't",
  couldnae: "couldn't",
  didnae: "didn't",
  doesnae: "doesn't",
  isnae: "isn't",
  wasnae: "wasn't",
  dinnae: "don't",
  divvent: "don't",
  doon: 'down',
  aboot: 'about',
  ower: 'over',
  efter: 'after',
  telt: 'told',
  hame: 'home',
  baith: 'both',
  oor: 'our',
  wor: 'our',
  naebody: 'nobody',
  nae: 'no',
  nee: 'no',
  gonnae: 'gonna',
  youse: 'you',
  yous: 'you',
  unu: 'you',
  een: 'one',
  "gie's": 'give',
  bide: 'live',
  // Only before a word (ma money, ma fob), and only with its apostrophe (I'm no' having it).
  ma: 'my',
  "no'": 'not',
  // Me dad's skip, me drive: the determiner, in Northern, Irish and Australian speech (see ME_MY).
  me: 'my',
  // Jamaican speech: unno (you all); mi is I before a verb and my before a thing (see MI_I).
  unno: 'you',
  mi: 'my',
};
/** mi as I: before a verb or what comes between (mi want, mi cyaan, mi just want, mi nuh know). */
const MI_I =
  /^\s+(?:want|wan|need|is|am|cyaan|can|cannot|could|did|do|don't|nuh|neva|never|add|tell|say|said|seh|ring|call|go|went|have|has|had|pay|paid|get|got|just|only|a|deh|know|think|hear|look|check|see)\b/i;
/**
 * me as my: before kin or a thing of one's own, not after a verb it is the object of (tell me
 * dad's number is "tell me").
 */
const ME_MY = String.raw`(?<!\b(?:give|gimme|send|tell|show|get|bring|call|email|text|ring|pass|lend|buy|book|pay|owe|ask|let|help|put|sort|find|offer|charge|cost|told|gave|sent)\s+)\bme\b(?=\s+(?:dad|da|mum|mam|mom|mother|father|nan|nana|gran|granny|grandad|grandma|grandpa|missus|wife|husband|hubby|lad|lass|son|daughter|brother|sister|bro|sis|mate|pal|cousin|uncle|auntie|aunt|(?:brother|sister|father|mother|son|daughter)-in-law|in-laws|kids?|boy|girl|old man|old lady|fella|partner|other half|house|drive|car|van|skip|garden|flat|place|card|account|bill|money|booking|order)(?:'s)?\b)`;
/** Any of those forms, as a word (ma, no' and me only where they are the determiner and the negation). */
const REGIONAL_ENGLISH_FORM = new RegExp(
  `\\b(?:${Object.keys(REGIONAL_ENGLISH)
    .filter((form) => form !== 'ma' && form !== "no'" && form !== 'me' && form !== 'mi')
    .join('|')})\\b|\\b(?:ma|mi)\\b(?=\\s+[a-z])|\\bno'(?=\\s)|${ME_MY}`,
  'gi',
);

/** The text with regional and Cantonese words in their standard form, of the same length. */
export function standardSpokenForms(text: string): string {
  let out = text;
  for (const [pattern, word] of SPOKEN_QUESTION_WORDS) out = out.replace(pattern, word);
  if (/[嗰嘅唔冇嚟咗喺佢仲睇畀俾篱系边几乜点屋哋]/.test(out))
    for (const [pattern, word] of CANTONESE_WORDS) out = out.replace(pattern, word);
  // One pass; a shorter standard word is padded to the form's length (nae → 'no ').
  if (/[a-z]{2}/i.test(out))
    out = out.replace(REGIONAL_ENGLISH_FORM, (form, at: number, whole: string) => {
      const lower = form.toLowerCase();
      const word = lower === 'mi' && MI_I.test(whole.slice(at + 2)) ? 'I' : (REGIONAL_ENGLISH[lower] ?? form);
      return word.padEnd(form.length);
    });
  return out;
}

/**
 * Characters input methods put for one another (same sound): a caller who types 退压金 means the
 * product's 押金. Only ever swapped towards a word the product's own texts use.
 */
const HOMOPHONES: readonly string[] = [
  '押压鸭呀',
  '账帐',
  '充冲',
  '订定',
  '费废',
  '扣叩',
  '计记纪',
  '续绪',
  '卡咔',
  '锁所索',
  '退推',
  '赔陪培',
  '骑奇其',
  '款宽',
  '额恶',
  '返反',
  '券卷',
  '注住驻',
  '销消',
  '绑帮',
  '缴交',
  '余于鱼',
];

let soundsLike: Map<string, string[]> | undefined;

/** The characters said like this one (read from HOMOPHONES on first use). */
function soundingLike(ch: string): readonly string[] {
  if (soundsLike === undefined) {
    soundsLike = new Map();
    for (const group of HOMOPHONES)
      for (const c of group)
        soundsLike.set(
          c,
          [...group].filter((o) => o !== c),
        );
  }
  return soundsLike.get(ch) ?? [];
}

/**
 * Pairs the segmenter splits that are said as meant: 推到/推迟/推后 put something off (推到下礼拜一
 * is no 退到), 记到 notes, 反正 is "anyway".
 */
const SAID_AS_MEANT = /^(?:推(?:到|迟|后|延)|记(?:到|下)|反正)/;

/**
 * The text with each two-character word the product's texts never use, but use with one of its
 * characters swapped for a homophone, written as the product writes it (退压金 → 退押金 when the
 * product speaks of 押金 and never of 压金). Of the same length as the text.
 */
export function correctTypos(text: string, productText: string): string {
  const chars = [...text];
  if (chars.length !== text.length || !/[\u4e00-\u9fff]/.test(text)) return text;
  // A pair the segmenter reads as one word of the caller's (定位, 其实, 压力) is a word, not a typo:
  // a typo's characters fall apart (退|压|金).
  const wordOf = new Array<number>(chars.length);
  let n = 0;
  for (const { segment, index } of wordSegmenter().segment(text)) {
    for (let k = 0; k < segment.length; k++) wordOf[index + k] = n;
    n += 1;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    if (!/^[\u4e00-\u9fff]{2}$/.test(pair) || productText.includes(pair)) continue;
    if (wordOf[i] === wordOf[i + 1]) continue;
    // Either character may begin such a word (想推到: 推 of 推到).
    if (SAID_AS_MEANT.test(text.slice(i)) || SAID_AS_MEANT.test(text.slice(i + 1))) continue;
    const fixed = swapped(chars[i]!, chars[i + 1]!, productText);
    if (fixed === undefined) continue;
    chars[i] = fixed[0]!;
    chars[i + 1] = fixed[1]!;
  }
  return chars.join('');
}

function swapped(a: string, b: string, productText: string): string | undefined {
  const found = [...soundingLike(a).map((x) => x + b), ...soundingLike(b).map((x) => a + x)].filter((w) =>
    productText.includes(w),
  );
  // One reading only: two product words it could be leave it as said.
  return found.length === 1 ? found[0] : undefined;
}
