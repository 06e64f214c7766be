/**
 * Text normalisation shared by the permission parsers.
 *
 * The output has exactly the length of the input (every change maps one UTF-16 unit to one), so
 * offsets found in the normalised text are offsets in the caller's text: quantities and requests
 * report spans of what the caller wrote.
 */

/**
 * Full-width ASCII (`２００`, `，`, `＜`) to ASCII, `￥` to `¥`, `。` to `.`, ideographic, no-break
 * and thin spaces to space, curly quotes to straight ones, dashes to `-`, wave dashes to `~`, ASCII
 * letters to lower case, Cantonese 嘅 and 咩 to 的 and 啥, the northern 没收着 to 没收到, "me" said for
 * "my" (put it back on me account), the northern English t', an', -odd and "for nowt", and Scots
 * words of the same length for English ones (whit, aff, hoose).
 */
export function normalizeText(text: string): string {
  // A check reads the same text twice in a row (its requests, then who it is about).
  if (text === lastText) return lastNorm;
  // Most characters stay: the text is copied in runs between the few that change.
  let out = '';
  let from = 0;
  // Whether any ASCII letter is said: the English word readings below are skipped without one.
  let latin = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 122) latin = true;
    const d = normalizeCode(c);
    if (d === c) continue;
    out += text.slice(from, i) + String.fromCharCode(d);
    from = i + 1;
  }
  let norm = from === 0 ? text : out + text.slice(from);
  if (latin) {
    // Only where " me " stands as a word: "me " alone is in some, time, name and home.
    if (norm.includes(' me ')) norm = norm.replace(ME_AS_MY, 'my');
    if (norm.includes('look')) norm = norm.replace(LOOK_SAID_IN_PASSING, '    ');
    if (SCOTS_WORD.test(norm)) norm = norm.replace(SCOTS_WORDS, (w) => SCOTS[w]!);
    if (norm.includes('ah')) norm = norm.replace(SCOTS_I, (w) => (w === 'ah' ? 'i ' : `i${w.slice(2)} `));
    if (norm.includes("t' ")) norm = norm.replace(YORKSHIRE_THE, 'my');
    if (norm.includes("an' ")) norm = norm.replace(AN_FOR_AND, 'and');
    if (norm.includes('nowt')) norm = norm.replace(FOR_NOWT, 'free');
    if (norm.includes('credit')) norm = norm.replace(BENEFIT_CREDIT, 'income');
    if (norm.includes('change')) norm = norm.replace(CHANGE_GIVEN, 'monies');
    if (norm.includes('odd') || norm.includes('ish'))
      norm = norm.replace(ROUGHLY_AFTER, (w) => ' '.repeat(w.length));
    if (norm.includes(',') && (norm.includes('my ') || norm.includes('me ')))
      norm = norm.replace(ADDRESSED_AS_KIN, (w) => ' '.repeat(w.length));
  }
  if (norm.includes('着')) norm = norm.replace(NOT_REACHED_ZHAO, '到');
  norm = standardRegionalWords(norm);
  lastText = text;
  lastNorm = norm;
  return norm;
}

/**
 * "My daughter, there is a mistake on our invoice", "my sister, I need a small help": the one
 * called addressed as kin, as West African and other speech does, opening a sentence; no one else
 * is named (not "my sister, she booked", which tells of her).
 */
const ADDRESSED_AS_KIN =
  /(?<=^|[.!?]\s+)(?:my|me)\s+(?:dear\s+)?(?:sister|brother|daughter|son|friend|mother|mama|father|papa|auntie?|uncle|child|dear)\s*,(?=\s*(?:i|i'm|i've|we|please|there|listen|you|good|how|abeg|tell|help|can|could)\b)/g;

/**
 * 没收着, 没见着, 还没找着: the northern 着 (zháo) after a verb says it was reached, as 到 does (没收到).
 * Only after 没, where it cannot be the 着 of going on (拿着).
 */
const NOT_REACHED_ZHAO = /(?<=没有?(?:收|找|拿|见|买|取|接|等|碰|看|抢|订|约|挂|排))着/g;

/**
 * Regional words for the standard ones of the same length, so one reading serves every region:
 * the pronouns 俺 and 额 (I, in the north and north-west, where a pronoun stands: a clause's start
 * or after 给, 帮 …; not 金额, 提额, 额度), 恁 (you, in Henan; not 恁多, 恁大), the particles 哒
 * (Hunan) and 咧 (Shaanxi) for 了 (喊哒你们, 买咧个金镯子; not 么么哒, 大大咧咧, 咧嘴), 哩 and 嘞
 * for 的 in Henan (黄金啥哩, 买嘞; not 英哩, 好嘞), 中不中 for 行不行, 一哈 for 一下 (查一哈), the
 * Hunan 么子 and the Sichuan 啷个 for 什么 and 怎么, the Wuhan 么时候 and 么事 for 啥时候 and 啥事,
 * and the words of Jin, Southwest, Changsha, Tianjin and Guanzhong speech (多会儿, 夜来, 哪样, 介样,
 * 搁哪儿, 嫑: see `STANDARD_WORDS`).
 */
const DIALECT_WORDS =
  /俺|(?<=^|[\s,.!?;:、"'(~…，。！？；：（“‘]|[给帮跟和替让叫问对找把说嘛吧啊呀哦哈了咧])额大(?![概约家小多])|(?<=^|[\s,.!?;:、"'(~…，。！？；：（“‘]|[给帮跟和替让叫问对找把说嘛吧啊呀哦哈了咧])额(?![度外头])|(?<=[\u4e00-\u9fff])额(?=女子|孙|屋里|妈|媳妇|老汉|掌柜|婆娘)|嫑|寻(?=不着|不见|不到|着|见|到|回|一下|一哈)|碎(?=娃|伙子|女子)|一搭(?=[去走来坐吃住])|晌午|(?<=[\u4e00-\u9fff])得是(?=[坐去来在有要买订吃住办到回走上下用交充刷])|恁(?![多大么长久好快贵远早晚])|(?<![么哒嘀])哒(?!哒)|(?<![咧大])咧(?![嘴咧])|(?<=一)哈(?!哈)|么子|(?<![什怎这那要多])么(?=时候|事)|啷个|(?<![英哩])哩(?!哩)|(?<![嘞好])嘞(?!嘞)|中不中|侬|(?<=[退关停删撤销])脱|阿拉|呒没|(?<![请切务])勿(?![扰忘])|覅|肚皮|(?<![木])伊(?=屋里|屋|家|自家|讲|个|额|的|拉|是|也|还|要|想|去|来|换|装|用|打|订|叫)|多会[儿子]|(?<=[是搞做干讲说为有])哪样|(?<![太过幸尤更殊])甚(?![至是多好少佳为而嚣么])|夜来(?!香)|[前后]晌|眊|(?<![香海军商渔空码口河])(?:(?<=[我你他她跟和对就莫不都只又还再也要会先])港|港(?=[一了哒咯啰清几个么的话起得过完给咧啊吧嘛呢?,.]))(?![澳口币台湾股区城务])|(?<!咯)咯(?=[个里样些次回台只件单位号段阵边]|礼拜)|冇得?|何解|堂客|伢子?|娭毑|(?<=[\u4e00-\u9fff])啵(?=[\s,.!?]|$)|(?<![约一变幻])莫(?=[急慌少多搞乱讲说港吵骂怕催走挂忘要])|别介(?=了|啦|吧|[,.!?，。！？]|$)|甭|(?<![中简媒评引推绍])介(?![绍意入于质词面])|(?<=[\u4e00-\u9fff])(?<![耽就给帮先别都也再还])搁(?![置浅笔下])|搁(?=哪)|(?<=为)嘛|嘛(?=时候|事|玩意)|多咱|多儿(?=钱)|倍儿(?=[\u4e00-\u9fff])|头晌|过晌|木有|(?<![大得好])多些(?=钱|[\s,.!?，。！？]|$)|(?<=[\u4e00-\u9fff\s,，])中(?=不(?:[\s,.!?，。！？啊呀]|$))|(?<=^|[\s,.!?;:，。！？；：]|中)中(?=[\s,.!?，。！？中])|(?<=就)中(?=[\s,.!?，。！？啊呀]|$)|(?<=^|[\s,.!?;:，。！？；：我你就先都也])白(?=报|取消|让|折腾|麻烦|催)/g;
const STANDARD_WORDS: Readonly<Record<string, string>> = {
  俺: '我',
  额: '我',
  恁: '你',
  哒: '了',
  咧: '了',
  哈: '下',
  么子: '什么',
  么: '啥',
  啷个: '怎么',
  哩: '的',
  嘞: '的',
  中不中: '行不行',
  // Shanghai speech: 侬 is you, and 退脱 / 关脱 is 退掉 / 关掉; 阿拉 is we (阿拉老婆, our wife:
  // my), 伊 before what someone has or does is she (伊自家手机), 勿 and 呒没 deny (是勿是, 呒没开),
  // and 覅 is don't.
  侬: '你',
  脱: '掉',
  阿拉: '我们',
  呒没: '没有',
  勿: '不',
  覅: '别',
  伊: '她',
  // 肚皮痛, 拉肚皮: the stomach. (请勿, 切勿 of written rules stay.)
  肚皮: '肚子',
  // Jin speech (Inner Mongolia, Shanxi, northern Shaanxi): 多会儿 is when, 甚 what (做甚, 说甚;
  // not 甚至, 欺人太甚), 夜来 yesterday (not 夜来香), 前晌 and 后晌 morning and afternoon, 眊 look.
  多会儿: '啥时候',
  多会子: '啥时候',
  甚: '啥',
  夜来: '昨天',
  前晌: '上午',
  后晌: '下午',
  眊: '看',
  // Southwest speech (Guiliu, Guizhou): 哪样 after a verb is what (搞哪样, 订的是哪样套餐).
  哪样: '什么',
  // Changsha and Hunan speech: 港 is say (跟你港, 港一句; not 香港, 港口), 咯 before a measure word
  // this (咯个, 咯里, 咯样; not the particle of 退咯 nor 咯咯响), 冇 and 冇得 deny, 何解 is why,
  // 堂客 a wife, 伢子 a child, 娭毑 a grandmother, 啵 ends a question, 莫 before a verb is don't
  // (莫急, 莫少; not 莫名, 约莫).
  港: '讲',
  咯: '这',
  冇: '没',
  冇得: '没有',
  何解: '为啥',
  堂客: '老婆',
  伢: '孩',
  伢子: '孩子',
  娭毑: '奶奶',
  啵: '吗',
  莫: '别',
  // Tianjin speech: 介 is this (介样, 介些天, 介不是; not 介绍, 中介), 搁 is at (搁哪儿, 我们家搁塘沽;
  // not 耽搁, 搁置, nor put: 搁楼下快递柜就行), 嘛 is what before 时候 and 事 and after 为
  // (嘛时候, 为嘛; the particle of 好嘛 stays), 多咱 is when, 多儿钱 how much, 倍儿 very; 别介 is
  // never mind (别介了) and 甭 don't (甭报了).
  介: '这',
  别介: '算了',
  甭: '别',
  搁: '在',
  嘛: '啥',
  多咱: '何时',
  多儿: '多少',
  倍儿: '非常',
  // Shandong speech (Jinan, Qingdao): 头晌 and 过晌 are morning and afternoon, 木有 is 没有, 多些 how
  // much (花了多些钱, 一共得交多些; not 多些时间), 中 alone, in 中不 or after 就 is 行 (中，那就…;
  // 礼拜五中不?; 补喷就中; not 其中不, 中不溜), and 白 before a step is don't (白报了, 白取消了; not
  // 白跑, 白打: in vain).
  头晌: '上午',
  过晌: '下午',
  木有: '没有',
  多些: '多少',
  中: '行',
  白: '别',
  // Guanzhong (Xi'an) speech: 额 before a person or home of the caller's is my wherever it stands
  // (西安额女子屋里: my daughter's), 额大 is my father, 嫑 don't, 寻 before 着/见/到 is find (卡寻不着咧),
  // 碎 before a child small (碎娃, 碎伙子), 一搭 together (一搭去), 晌午 noon, 得是 before a verb
  // whether (他礼拜六得是坐你们车去的; not 还得是你).
  额大: '我爸',
  嫑: '别',
  寻: '找',
  碎: '小',
  一搭: '一起',
  晌午: '中午',
  得是: '是否',
};
/**
 * Whether a text holds any regional word at all, before the exact reading: the words read, so the
 * test never falls behind the table. 中 and 白, common characters read only in some places, are
 * tested with what must follow them there (most texts with 中心 or 白色 skip the reading).
 */
const IN_PLACE: Readonly<Record<string, string>> = {
  中: '中(?=不|[\\s,.!?，。！？中啊呀]|$)',
  白: '白(?=报|取消|让|折腾|麻烦|催)',
};
const DIALECT_WORD = new RegExp(
  Object.keys(STANDARD_WORDS)
    .map((w) => IN_PLACE[w] ?? w)
    .join('|'),
);
function standardWord(w: string): string {
  return STANDARD_WORDS[w] ?? w;
}

/**
 * The text with its regional words said the standard way (see `DIALECT_WORDS`), the same length:
 * the engine reads them so, and so does the agent where it reads a caller's words itself.
 */
export function standardRegionalWords(text: string): string {
  return DIALECT_WORD.test(text) ? text.replace(DIALECT_WORDS, standardWord) : text;
}

/**
 * The Yorkshire and Lancashire "t'" for "the" (give me t' engineer's number, round t' back): read
 * as "my", the one two-letter word that points at a thing as "the" does. Same length.
 */
const YORKSHIRE_THE = /(?<![a-z'])t'(?= [a-z])/g;

/**
 * "-odd" and "-ish" after an amount (a hundred an' fifty-odd quid, 150-ish euros, four hundred and
 * odd quid, it's a hundred and seventy-odd.): the amount is said roughly, and read as said.
 * Blanked, same length. Only before money or the end of a clause: seventy-odd years is no amount.
 */
const ROUGHLY_AFTER =
  /(?<=\d|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand))(?: and)?(?:-odd|-ish| odd)(?= (?:quid|pounds?|euros?|dollars?|bucks?|grand)\b|\s*[.,!?;]|\s*$)/g;

/**
 * The change given back from a payment (he doesn't remember if he got any change, keep the change):
 * money, no change to anything. Read as monies; same length.
 */
const CHANGE_GIVEN =
  /(?<=\b(?:got|get|gets|getting|gave|give|given|giving|keep|kept|receive|received|count|counted)\s+(?:(?:me|him|her|them|us)\s+)?(?:(?:any|no|the|my|his|her|their|some|correct|exact|wrong|right|back|small|loose)\s+)*)change\b(?!\s+(?:to|of|for|it|my|the|them|that|this|your|our|done|made|applied|through|sorted|processed)\b)/g;

/**
 * Universal Credit, tax credits, Pension Credit: benefits a caller lives on, no credit asked of
 * the company (me Universal Credit's gone wrong). Read as income; same length.
 */
const BENEFIT_CREDIT = /(?<=\b(?:universal|tax|pension) )credit(?=s?\b)/g;

/** The northern "for nowt" (next year's plan for nowt): for free. Same length. */
const FOR_NOWT = /(?<=\bfor )nowt\b/g;

/** "an'" for "and" (a hundred an' fifty, me an' the wife). Same length. */
const AN_FOR_AND = /(?<![a-z'])an'(?= )/g;

/**
 * "me" said for "my", as in Ireland, the north of England and Australia (put the eggs back on me
 * account, take it off me bill, me husband's number): after a word it can only be the object of
 * (a preposition) and before a thing a caller has or a person of theirs, so "give it to me today"
 * keeps its "me". Same length: offsets stay the caller's.
 */
const ME_AS_MY =
  /(?<=\b(?:on|onto|to|into|off|from|for|in|with|of|at|about|under|through|and|is|was|'s) )me(?= (?:[a-z]+ )?(?:account|bill|card|order|money|deposit|balance|credit|delivery|deliveries|parcel|package|box|car|house|home|door|step|phone|mobile|number|address|email|details|name|booking|plan|subscription|membership|milk|meter|flat|room|bank|payment|refund|husband|wife|missus|fella|mam|mum|mom|ma|da|dad|son|daughter|lad|young (?:lad|one)|kids?|sister|brother|nan|nanna|granny|grandad|neighbou?r|mate|partner|boyfriend|girlfriend)(?:'s|s)?\b)/g;

/**
 * "Look, …" and the Irish "sure look": a word of talk, no looking up asked for (Grand so, sure
 * look, I'll go round myself); nor is the caller's own look (let me have a look, I'll take a
 * look). Blanked, same length.
 */
const LOOK_SAID_IN_PASSING =
  /(?<=\b(?:let me|lemme|i'll|i will|i'm going to|i'm gonna)(?: just)?(?: have| take)?(?: a(?: quick)?)? )look\b(?! (?:up|into)\b)|(?<=\bsure )look\b(?! (?:up|at|into|for|over|through)\b)|(?<=(?:^|[,.!?;:]\s*|\b(?:but|now|so|well|ah|och|and)\s+))look(?=\s*[,!–—-])/g;

/**
 * Scots words said for English ones of the same length (whit did youse charge him, sixty-five aff,
 * the hoose): the readers' words are English. Same length: offsets stay the caller's.
 */
const SCOTS: Readonly<Record<string, string>> = {
  whit: 'what',
  aff: 'off',
  oot: 'out',
  hoose: 'house',
  doon: 'down',
  aboot: 'about',
  noo: 'now',
};
/**
 * Scots "ah" for "I" (Ah want a free windscreen, ah'm no' payin'): "i" and a space, the same length;
 * only before a verb or with its 'm, 'll, 've, 'd (Ah, okay stays talk).
 */
const SCOTS_I =
  /\bah(?:'(?:m|ll|ve|d)\b|(?=\s+(?:want|wanted|need|needed|had|have|was|think|thought|just|cannae|canny|dinnae|didnae|will|would|paid|got|am|said|told|asked|phoned|rang|booked)\b))/g;
const SCOTS_WORD = /\b(?:whit|aff|oot|hoose|doon|aboot|noo)\b/;
const SCOTS_WORDS = new RegExp(SCOTS_WORD.source, 'g');

let lastText = '';
let lastNorm = '';

function normalizeCode(code: number): number {
  let c = code;
  if (c < 65) return c;
  // Most characters change not: upper-case ASCII is the only change below U+00A0, and none
  // falls between the wave dash (U+301C) and the full-width forms (U+FF01), where CJK is.
  if (c <= 90) return c + 32;
  if (c < 0xa0) return c;
  // Cantonese 嘅 (的) and 咩 (啥), one character for one: what the readers' words are written in.
  if (c > 0x301c && c < 0xff01) return c === 0x5605 ? 0x7684 : c === 0x54a9 ? 0x5565 : c;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000 || c === 0xa0 || c === 0x2009 || c === 0x202f) c = 0x20;
  else if (c === 0x3002) c = 0x2e;
  else if (c === 0xffe5) c = 0xa5;
  else if (c === 0x2018 || c === 0x2019) c = 0x27;
  else if (c === 0x201c || c === 0x201d) c = 0x22;
  else if (c === 0x2013 || c === 0x2014) c = 0x2d;
  else if (c === 0x301c) c = 0x7e;
  if (c >= 65 && c <= 90) c += 32;
  return c;
}

/** ASCII letters (after normalisation) — used for word boundaries in English. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
