// What a caller says to end a call: goodbye words, and the courtesy that may come with them. Read
// by the call loop (a goodbye alone ends the call) and by the built-in agent (a goodbye among
// other words).

/**
 * Words that say goodbye (拜拜, 再见, bye, goodbye, that's all, God bless you last ...); not
 * "that's all I'm asking", which presses a question, nor a blessing before more is asked.
 */
const GOODBYE =
  /拜拜|再见|再会|回见|拜了|挂了|\bbye(?:[\s-]?bye)?\b|\bgood[\s-]?bye\b|\bsee (?:you|ya)\b|\bhave a (?:good|nice|great|lovely) (?:one|day|evening|night|weekend)\b|\btake care\b(?! of)|\bgod bless(?: you| ya| u)?(?=[\s.!]*$)|\bcheerio\b|\bta[\s-]?ra\b|\bcatch (?:you|ya)(?: later)?\b|\bthat(?:'s| is|s) (?:all|it|everything)(?: i (?:need(?:ed)?|wanted|was after))?\b(?! (?:i'm|i am|i was|we're) (?:asking|saying|requesting)\b| i (?:ask|want to know)\b)|\bthat'?ll be all\b|\ball set\b|\bnothing else\b(?=\s*(?:$|[.,!?;]|thanks|thank you|for now|today|(?:that )?i need|i(?:'m| am) after|i wanted|mate|love|cheers))|就这样吧?|先这样吧?|就这些了?吧?|没有?(?:别的|其他|其它)(?:的)?(?:问题|事情?)?了|没事了|等(?:你们|您)的?(?:消息|通知|回复|电话)吧?|我再等等吧?|那我(?:就)?等着吧?/giu;

/** Whether a line says goodbye among whatever else it says (谢谢，就这些 / that's all, one more thing …). */
export function saysGoodbye(line: string): boolean {
  GOODBYE.lastIndex = 0;
  const found = GOODBYE.test(line.toLowerCase().replaceAll('’', "'"));
  GOODBYE.lastIndex = 0;
  return found;
}

/** What may come with a goodbye without asking for anything (好的, 谢谢, ok, thanks ...). */
// 要得, 好嘛, 晓得了 agree in South-western speech; 谢谢妹儿 / 谢谢师傅 thank someone by what they call
// them; 麻烦你了 and the particles 哈, 嘛, 啦 add nothing to ask; t'ank you is thank you.
const COURTESY =
  /好的|好嘞|好咧|好吧|要得|晓得了|知道了|好|嗯+|哦|噢|行|那就|那|谢谢(?:你|您|妹儿|妹妹|美女|帅哥|师傅|小姐姐|小哥|姐|哥|了)?|谢了|多谢|非常感谢|感谢|麻烦(?:你|您|你们)?了|辛苦(?:你|您|你们)?了|我|哈|嘛|啦|呀|啊|\b(?:ok(?:ay)?|t(?:h|')?anks?(?: you)?(?: (?:very much|so much|a lot|for your help))?|great|cool|awesome|perfect|alright|all right|cheers|then|so|for now|now|well|y'all|you all|love|mate|pet|hen|son|bro|ma|ma'am|madam|sir|sis|choice|sweet as|ta|baie dankie|dankie|that's (?:mighty |very |real )?(?:fine|grand|great|good|lovely|brilliant))\b/giu;

/**
 * True when the caller only says goodbye (拜拜, 好的谢谢再见, bye, that's all thanks): a goodbye
 * word and nothing but courtesy around it. “拜拜之前再问一下…” asks something, so it is not.
 *
 * @example isGoodbye('好的谢谢，再见！') // true
 */
export function isGoodbye(line: string): boolean {
  const text = line.toLowerCase().replaceAll('’', "'");
  const rest = text.replace(GOODBYE, ' ');
  if (rest === text) return false;
  return !/[\p{L}\p{N}]/u.test(rest.replace(COURTESY, ' '));
}
