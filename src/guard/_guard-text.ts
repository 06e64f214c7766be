// Text helpers shared by the reply guard's rules (internal: not exported from the package).

import { DIGIT_OF } from '../domain/spoken-digits.js';

/**
 * The draft as the guard reads it: NFKC (full-width digits and letters, ＊) and without format
 * characters (zero-width spaces and joiners, bidi marks, soft hyphens), which a caller never
 * hears but which would split a phone number or a name for a pattern.
 */
export function normalizeDraft(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}/gu, '');
}

/** Every Chinese digit character (一三九, 壹叁玖, 幺) as an ASCII digit, one for one. */
export function digitsAsAscii(text: string): string {
  return text.replace(/[零〇洞一壹幺二贰貳两三叁參四肆五伍六陆陸七柒八捌九玖]/g, (c) => DIGIT_OF[c]!);
}

/** A stretch of the draft: where it starts and ends, its text, and the break that ends it. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** The character that ends it ('' at the end of the text). */
  terminator: string;
}

const CLAUSE_BREAK = /[，,；;。！？!?\n：:]/;
const SENTENCE_BREAK = /[；;。！？!?\n]/;

/** A break character at `i`; a period only when a space or the end follows (not in $15.00, Ms. Li). */
function isBreak(text: string, i: number, breaks: RegExp): boolean {
  const c = text[i]!;
  if (c === '.') {
    if (i + 1 < text.length && !/\s/.test(text[i + 1]!)) return false;
    // Mr. Wang / Ms. Li: a title's period does not end the sentence.
    return !/\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|St|No|approx|e\.g|i\.e)$/i.test(text.slice(Math.max(0, i - 6), i));
  }
  return breaks.test(c);
}

function spanAround(text: string, index: number, length: number, breaks: RegExp): Span {
  let start = index;
  while (start > 0 && !isBreak(text, start - 1, breaks)) start--;
  let end = index + length;
  while (end < text.length && !isBreak(text, end, breaks)) end++;
  return { start, end, text: text.slice(start, end), terminator: text[end] ?? '' };
}

/** The clause around a match: out to the nearest comma, stop or colon on either side. */
export function clauseAt(text: string, index: number, length: number): Span {
  return spanAround(text, index, length, CLAUSE_BREAK);
}

/** The sentence around a match: out to the nearest stop on either side. */
export function sentenceAt(text: string, index: number, length: number): Span {
  return spanAround(text, index, length, SENTENCE_BREAK);
}

/** A question asks; it claims nothing (需要我帮您关掉吗？ / Shall I cancel it?). */
export function isQuestion(sentence: Span): boolean {
  return /[?？]/.test(sentence.terminator) || /[吗呢么]\s*$/.test(sentence.text);
}

/** Phrases that contain a negation word but negate nothing that follows them. */
const NOT_NEGATIONS =
  /不用担心|别担心|不要担心|不必担心|不好意思|没问题|没关系|不客气|不着急|别着急|不要着急|不麻烦|非常|无论|别的|特别|区别|分别|未来|不久|不到|不超过|不仅|不少|不错|no problem|not a problem|no worries|don't worry|do not worry|not to worry|no later than|not only|not long/gi;

/** True when the clause negates what stands at `at` (没有退款, 无法退款, can't refund, isn't frozen). */
export function negatedBefore(clause: Span, at: number): boolean {
  const before = clause.text.slice(0, Math.max(0, at - clause.start)).replace(NOT_NEGATIONS, ' ');
  const zh = before.slice(-8);
  if (/不|没|未|无法|无权|别|勿|并非|非/.test(zh)) return true;
  return /\b(?:not|never|no|cannot|unable|won't|can't|couldn't|didn't|doesn't|isn't|aren't|wasn't|hasn't|haven't|shouldn't|wouldn't)\b|n't\b/i.test(
    before.slice(-40),
  );
}

/** A promise that waits on an approval or a review is an explanation, not a commitment. */
export function waitsOnApproval(sentence: string): boolean {
  return (
    /(?:审批|批准|审核|核实|核准|同意|通过|确认)(?:通过|下来|同意)?(?:之后|以后|后|的话)|(?:如果|若|假如|一旦|要是|等|待|只有|经)[^，。；！？]{0,14}(?:审批|批准|审核|核准|同意|通过)|需要[^，。；！？]{0,8}(?:审批|批准|审核|同意)|(?:主管|上级|经理)[^，。；！？]{0,6}(?:审批|批准|同意|确认|审核)/.test(
      sentence,
    ) ||
    /\b(?:if|once|when|after|as soon as|should|assuming|provided|only if)\b[^.!?]{0,50}\b(?:approv|authori[sz]|signs? off|signed off|accept|grant)|\b(?:pending|subject to|upon|after|with|needs?|requires?|require)\s+(?:\w+\s+){0,3}(?:approval|authori[sz]ation|review|sign-off)/i.test(
      sentence,
    )
  );
}

/** General information (一般 / usually): how things work, not what happens to this caller. */
export function isGeneralInformation(sentence: string): boolean {
  return /一般|通常|正常情况下|按照?规定|按照?流程|按规则|原则上|\b(?:usually|typically|generally|normally|in general|as a rule|on average|by default)\b/i.test(
    sentence,
  );
}

/** Words that make an offer a promise: doing it now, for sure, directly. */
const FIRM =
  /马上|立刻|立即|现在就|这就|今天|直接|保证|一定|肯定|绝对|\b(?:right away|right now|immediately|today|straight away|directly|for sure|guarantee)\b/i;

/** An offer (我可以帮您…, I can…, would you like me to…) is not a commitment unless it is firm. */
export function isSoftOffer(clause: string): boolean {
  if (FIRM.test(clause)) return false;
  return /(?:可以|能够?|可|愿意)(?:帮|为|给|替)(?:您|你)|帮您申请|为您申请|给您申请|提交|申请|要不要|需要我|\b(?:I|we) (?:can|could)\b|\bhappy to\b|\bwould you like\b|\bdo you want\b|\bshall I\b|\brequest\b|\bsubmit\b|\bapply\b/i.test(
    clause,
  );
}

/** The sentence repeats what the caller said (您说账户被冻结了), which claims nothing. */
export function reportsCallerWords(sentence: string): boolean {
  return /您说|你说|您提到|您反映|您刚才说|听您说|您是说|您的意思是|您觉得|您担心|您以为|您看到|您收到|\byou (?:said|mentioned|say|told me|noticed|saw|see|think|feel|believe|were told|are saying)\b|\byou're saying\b|\baccording to you\b/i.test(
    sentence,
  );
}

/** A condition (如果 / if) makes the rest of the sentence hypothetical. */
export function isConditional(before: string): boolean {
  return /如果|假如|要是|万一|一旦|若是|倘若|的话|\b(?:if|unless|in case|should|once|when|whether)\b/i.test(
    before,
  );
}
