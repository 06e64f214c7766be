/**
 * Chinese rule phrases as an ops team writes them carry more than a caller says, as English ones
 * do (see `_english-alternatives.ts`): a note in full-width brackets after the action, which gives
 * examples or the terms it is done on (骑行费退款<=50元（核实订单后原路退回）, 押金退还（无进行中
 * 订单且无欠费）), and alternatives joined by a slash (远程结束未关锁/锁车后仍计费的订单,
 * 意外伤害/财物损失理赔申请). Each is read once, when the rules are compiled, into shorter phrases
 * of the same rule: the phrase without its note and, for a slash, one phrase per side.
 *
 * A note that states a condition the caller could break (无欠费, 无进行中订单, 有照片证据) is not
 * simply dropped: `conditionExclusions` reads it into what a request may not say for the shorter
 * phrase to match (我还有欠费, 还在骑), so a request that breaks the condition matches only the
 * whole phrase, which it does not say, and is never approved by the rule. Forbidden rules are read
 * only as written: their notes list what they forbid.
 */
import { escapeRegExp } from '../domain/escape-reg-exp.js';
import { hasCjk } from '../domain/language.js';
import type { PermissionCategory } from '../domain/record-schemas.js';
import { wordSegmenter } from '../domain/word-segmenter.js';
import { withoutNotes } from './_rule.js';

/** Where a slash's sides end: a particle joining a qualifier to its noun, or punctuation. */
const HARD_STOP = /[的之\s,.;:、，()（）]/;

/**
 * The shorter phrases a Chinese rule phrase stands for (see the module comment), none when it has
 * no note and no slash. `isAction` tells whether a word names an action (lexicon or sense table):
 * a slash's side ends before one (财物损失 of 财物损失理赔申请).
 */
export function chineseAlternatives(
  phrase: string,
  category: PermissionCategory,
  isAction: (word: string) => boolean,
): string[] {
  if (category === 'forbidden' || !hasCjk(phrase)) return [];
  const core = withoutNotes(phrase)
    .replace(/\s+/g, '')
    .replace(FOR_HOLDER_LEAD, '')
    .replace(FOR_CUSTOMERS_LEAD, '');
  // English words in a note (App Store订阅…) are the note's; in the phrase they make it English.
  if (/[a-z]{2}/.test(core)) return [];
  // 封号申诉：外挂/脚本/永久封禁，或…: the action comes before the colon, its cases after it.
  // The action's own alternatives follow it (预约、改约、取消测听/验配/复查调机，距预约开始2小时以上:
  // one phrase for each thing slashed).
  const colon = core.search(/[:：]/);
  if (colon >= 2 && isAction(core.slice(0, colon))) return withOwn(core.slice(0, colon), category, isAction);
  // 核实欠费已缴清、无未整改隐患后，远程开阀恢复供气: what the operator checks first, then the
  // action a caller asks for.
  // 核实…本人后解锁、短信发验证码重置本人密码: the actions after the check, each its own.
  const after = CHECKED_FIRST.exec(core);
  if (after && isAction(after[1]!)) {
    const sides = after[1]!.split('、');
    if (sides.length > 1 && sides.every((side) => side.length >= 2 && isAction(side)))
      return [after[1]!, ...sides.flatMap((side) => withOwn(side, category, isAction))];
    return withOwn(after[1]!, category, isAction);
  }
  // 登记游戏内普通举报，转安全团队按规处理，不承诺结果: the first clause is the action, the
  // rest how it is handled, which a caller does not say.
  // 预约上门回收、续租，开通或关闭自动续租扣款: a later clause opening on a step of its own, one
  // a caller asks for (开通, 关闭), is a phrase too.
  const clause = core.search(/[,，;；]/);
  if (clause >= 4 && isAction(core.slice(0, clause))) {
    const steps = core
      .slice(clause + 1)
      .split(/[,，;；]/)
      .filter((c) => STEP_OPENS.test(c) && isAction(c));
    return [core.slice(0, clause), ...steps].flatMap((c) => withOwn(c, category, isAction));
  }
  const together = doneTogether(core, isAction);
  const objects = [...objectsListed(core, isAction), ...verbOnList(core, isAction)];
  // 每个会员期免费更换1次专属红娘: how often, that it is free and whose kind of thing are terms the
  // operator keeps; a caller asks to change the matchmaker.
  const plain = core.replace(PER_PERIOD, '').replace(PER_PERIOD_AFTER, '').replace(TERM_WORDS, '');
  const plainAction = plain !== core && plain.length >= 2 && isAction(plain);
  if (
    !ENDING.test(core) &&
    core === phrase &&
    !core.includes('/') &&
    together.length + objects.length === 0 &&
    !plainAction
  )
    return [];
  if (core === '' || core.length < 2) return [];
  const out: string[] = [];
  const add = (p: string): void => {
    if (p.length >= 2 && p !== phrase && !out.includes(p)) out.push(p);
  };
  const sides = slashList(core, isAction) ?? slashSides(core, isAction) ?? [core];
  for (const side of sides) {
    add(side);
    // 结束未关锁的订单: ending what still runs says that it runs; a caller leaves it unsaid.
    if (ENDING.test(side)) add(side.replace(STILL_RUNNING, ''));
  }
  for (const side of together) add(side);
  // 预约、改约、取消本人的看车、试驾、交车时间: the things after 的 listed, one phrase for each.
  for (const side of objects) add(side);
  if (plainAction) add(plain);
  return out;
}

/** Whom it is done for, leading the phrase (为预订人或入住人本人：): the operator's check, not asked. */
const FOR_HOLDER_LEAD = /^(?:为|给|替)?[^:：,，;；]{2,16}?本人[:：]/;
/**
 * Which customers it is done for, leading the phrase (为新客户下单, 为会员办理): who the caller is,
 * which the operator sees, not what is asked (帮我下个单).
 */
const FOR_CUSTOMERS_LEAD =
  /^为(?:新|老|首次|在册|已注册)?(?:客户|用户|顾客|会员|学员|乘客|业主|租户)(?=[\u4e00-\u9fff]{2})/;

/**
 * A check the operator makes first (核实…后，or 核实…本人后 with no comma), then the action: the
 * action after it.
 */
const CHECKED_FIRST = /^(?:核实|确认|核对|查实|查明)[^:：]{2,40}?后[,，]?([^,，;；]{2,})$/;

/** How often a rule allows it, leading the phrase: 每个会员期, 每个工地, 每张卡, 每位学员. */
const PER_PERIOD =
  /^每(?:个|位|张|单|笔|期|套)?[\u4e00-\u9fff]{0,3}(?:会员期|合同期|服务期|期|月|年|周|季度?|合同|订单|工地|账户|账号|卡|人|学员|会员|户)内?/;
/** How often, after the action with the count it allows (丢失补办每账户每自然年第1张): the operator's. */
const PER_PERIOD_AFTER =
  /(?:每(?:个|位|张|单|笔|期|套)?[\u4e00-\u9fff]{0,3}?(?:自然年|自然月|会员期|合同期|服务期|期|月|年|周|季度?|合同|订单|工地|账户|账号|卡|人|学员|会员|户)内?){1,3}(?:限|最多)?第?[\d一二两三]+(?:张|次|个|回)/g;
/** Words of terms and kinds before the thing (免费, 专属, 指定): the operator's, not the caller's. */
const TERM_WORDS = /免费|专属|指定|固定|专门|同工种|按实际(?:消费|金额|支付)?/g;

/** Where a phrase's first colon outside its bracketed notes is; -1 when it has none. */
export function colonOutsideNotes(phrase: string): number {
  let depth = 0;
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if ((c === ':' || c === '：') && depth === 0) return i;
  }
  return -1;
}

/**
 * A rule an ops team writes as "circumstance: remedy" (场馆原因停课或系统错扣：返还被扣课时并安排补课,
 * 签收7天内的外观问题：换新件): the circumstance before the colon as written (its note of examples
 * kept), without its note, and the remedy after it (its first clause, each action of it joined by
 * 并 apart), which is what a caller asks
 * for while describing the circumstance in their own words. Undefined for English, when the part
 * before the colon names an action itself (封号申诉：外挂…, read as the action by
 * `chineseAlternatives`), or when the part after names none (…：每单前2次免费).
 */
export function circumstanceFirst(
  phrase: string,
  isAction: (word: string) => boolean,
): { circumstance: string; written: string; remedies: string[] } | undefined {
  if (!hasCjk(phrase)) return undefined;
  const colon = colonOutsideNotes(phrase);
  if (colon < 2) return undefined;
  const written = phrase.slice(0, colon);
  const circumstance = withoutNotes(written).replace(/\s+/g, '');
  const clauses = withoutNotes(phrase.slice(colon + 1))
    .replace(/\s+/g, '')
    .split(/[,，;；]/);
  if (circumstance.length < 2 || /[a-z]{2}/i.test(circumstance) || isAction(circumstance)) return undefined;
  // 核实属实：按实际时长重算，退多扣部分: how the operator works it out first names no remedy; the
  // first clause that does is the remedy.
  const first = clauses.findIndex((c) => c.length >= 2 && isAction(c));
  if (first < 0) return undefined;
  const remedy = clauses[first]!;
  // 返还被扣课时并安排补课: what is given back is asked for; what follows it, the team arranges.
  const remedies = remedy.split(REMEDIES_JOINED).filter((side) => side.length >= 2 && isAction(side));
  if (remedies.length === 0) remedies.push(remedy);
  // 免收上门费，已付的原路退回: what was paid already comes back too, which a caller asks for.
  // It is the waived thing given back (上门费原路退回), which the caller names.
  const waived = WAIVED.exec(remedies[0]!)?.[1];
  for (const clause of clauses.slice(first + 1))
    if (PAID_BACK.test(clause)) remedies.push(waived ? clause.replace(PAID_BEFORE, waived) : clause);
  return { circumstance, written, remedies };
}

/** Money already paid given back, a later clause of a remedy (已付的原路退回, 已扣的退还). */
const PAID_BACK = /^(?:已|已经)(?:付|收|扣|交|缴|支付)的?[^,，;；]{0,6}?(?:退回|退还|返还|退给)/;
const PAID_BEFORE = /^(?:已|已经)(?:付|收|扣|交|缴|支付)的?/;
/** A fee a remedy waives (免收上门费, 减免延时费): the thing after the waiving verb. */
const WAIVED = /^(?:免收|免除|免去|减免|免|不收)([\u4e00-\u9fff]{1,6}费)$/;

/** A phrase and the shorter phrases it stands for itself. */
function withOwn(
  phrase: string,
  category: PermissionCategory,
  isAction: (word: string) => boolean,
): string[] {
  return [phrase, ...chineseAlternatives(phrase, category, isAction).filter((p) => p !== phrase)];
}

/** A clause that opens on a step a caller asks for (开通或关闭自动续租, 取消预约), not on how it is handled. */
const STEP_OPENS = /^(?:开通|关闭|开启|取消|暂停|恢复|退订|续订|变更|更换)(?:或|、|和|及)?/;

/** 并 joining two actions of one rule (并, 并且, 同时), not inside a word (合并) nor denying (并不). */
const DONE_TOGETHER = /(?<!合)并且|(?<!合|兼)并(?![不没非未且])|同时/;

/** Remedies given together: 返还被扣课时并安排补课, 安排补课 + 赠送1节同类课时. */
const REMEDIES_JOINED = new RegExp(`${DONE_TOGETHER.source}|[+＋]`);

/** One verb done to two things side by side: 退学退费, 退房退款 (the verb, then each thing). */
const ONE_VERB_TWICE = /^([\u4e00-\u9fff])([\u4e00-\u9fff])\1([\u4e00-\u9fff])$/;

/**
 * The step a phrase's second action follows from, when it does one verb to two things (退学 of
 * 退学退费: the refund comes of leaving); undefined otherwise.
 */
export function stepOf(phrase: string): string | undefined {
  const core = withoutNotes(phrase).replace(/\s+/g, '');
  return ONE_VERB_TWICE.test(core) ? core.slice(0, 2) : undefined;
}

/**
 * The actions of a phrase that does two things together, each of which a caller asks for alone:
 * joined by 并 (取消本人预约并退还押金), or the first of one verb's two things (退学 of 退学退费).
 * None otherwise.
 */
function doneTogether(core: string, isAction: (word: string) => boolean): string[] {
  const joined = core.split(DONE_TOGETHER);
  if (joined.length === 2 && joined.every((side) => side.length >= 3 && isAction(side))) return joined;
  // The first thing names the step (退学); the second, what comes of it (退费), names every refund.
  const step = stepOf(core);
  return step === undefined ? [] : [step];
}

/**
 * The phrases of a rule that does one action to a list of things (加购花圈、花篮、挽联、加冷藏天数):
 * the action with each thing, or a thing that is an action of its own alone (加冷藏天数). None when
 * the phrase does not start with an action followed by such a list.
 */
function verbOnList(core: string, isAction: (word: string) => boolean): string[] {
  if (!core.includes('、')) return [];
  for (const length of [2, 3]) {
    const verb = core.slice(0, length);
    const items = core.slice(length).split('、');
    if (items.length < 2 || !isAction(verb) || isAction(items[0]!)) continue;
    if (items.some((t) => t.length < 2 || t.length > 6 || /或|和|及/.test(t))) return [];
    return items.map((t) => (isAction(t) ? t : `${verb}${t}`));
  }
  return [];
}

/**
 * The phrases of a rule whose things after its last 的 are a list of short names (…本人的看车、试驾、
 * 交车时间): the words before them with each thing. None when the list is not of short names, or
 * names an action (举报…的诱骗、索要照片: what was done, not things).
 */
function objectsListed(core: string, isAction: (word: string) => boolean): string[] {
  const of = core.lastIndexOf('的');
  if (of < 2) return [];
  const things = core.slice(of + 1).split('、');
  if (things.length < 2 || things.some((t) => t.length < 2 || t.length > 5 || /或|和/.test(t) || isAction(t)))
    return [];
  return things.map((t) => `${core.slice(0, of + 1)}${t}`);
}

/** An action that ends something running (结束, 停止, 关闭, 终止). */
const ENDING = /结束|停止|关闭|终止|停掉/;
/** A qualifier saying the thing still runs, before the noun it qualifies (未关锁的, 仍计费的, 进行中的). */
const STILL_RUNNING =
  /(?:未关锁|未锁车?|(?:锁车后)?仍(?:在)?计费|还在计费|进行中|未结束|未完成|正在进行|当前|现有)的?(?=订单|行程|会话|服务|任务|骑行|租赁|租约)/g;

/**
 * One phrase per side of the first slash between Chinese words, the words before and after the
 * slashed ones shared: 远程结束未关锁/锁车后仍计费的订单 → 远程结束未关锁的订单, 远程结束锁车后仍
 * 计费的订单; 骑行意外伤害/财物损失理赔申请 → 骑行意外伤害理赔申请, 骑行财物损失理赔申请. A side
 * is as many words as the other where nothing bounds it: the right one runs to a particle (的), an
 * action or the end, the left one back over as many words, never past a particle or the start.
 */
function slashSides(core: string, isAction: (word: string) => boolean): string[] | undefined {
  const at = core.indexOf('/');
  if (at <= 0 || !hasCjk(core.charAt(at - 1)) || !hasCjk(core.charAt(at + 1))) return undefined;
  // The right side runs to a particle, a slash, the end, or where an action begins (理赔 of
  // 财物损失理赔申请), read two characters at a time.
  let rightEnd = at + 1;
  while (rightEnd < core.length) {
    const c = core.charAt(rightEnd);
    if (HARD_STOP.test(c) || c === '/') break;
    if (rightEnd > at + 1 && isAction(core.slice(rightEnd, rightEnd + 2))) break;
    rightEnd++;
  }
  if (rightEnd === at + 1) return undefined;
  const count = [...wordSegmenter().segment(core.slice(at + 1, rightEnd))].length;
  const left = [...wordSegmenter().segment(core.slice(0, at))];
  let leftStart = at;
  let taken = 0;
  for (let k = left.length - 1; k >= 0 && taken < count; k--) {
    const seg = left[k]!;
    if (HARD_STOP.test(seg.segment)) break;
    // The action before the list is shared, never one side (结束 of 远程结束未关锁).
    if (taken > 0 && isAction(seg.segment)) break;
    leftStart = seg.index;
    taken++;
  }
  if (taken === 0) return undefined;
  const before = core.slice(0, leftStart);
  const after = core.slice(rightEnd);
  return [
    `${before}${core.slice(leftStart, at)}${after}`,
    `${before}${core.slice(at + 1, rightEnd)}${after}`,
  ];
}

/**
 * One phrase per thing of a list of three or more joined by slashes after one action, the words
 * before and after the list shared: 预约、改约、取消测听/验配/复查调机 → …取消测听, …取消验配,
 * …取消复查调机. The list runs back from its first slash to the action before it (or a particle),
 * and on from its last slash as `slashSides` reads a right side.
 */
function slashList(core: string, isAction: (word: string) => boolean): string[] | undefined {
  const chain = /[\u4e00-\u9fff]+(?:\/[\u4e00-\u9fff]+){2,}/.exec(core);
  if (!chain) return undefined;
  const first = chain.index + chain[0].indexOf('/');
  const left = [...wordSegmenter().segment(core.slice(0, first))];
  let start = first;
  for (let k = left.length - 1; k >= 0; k--) {
    const seg = left[k]!;
    if (HARD_STOP.test(seg.segment) || (start < first && isAction(seg.segment))) break;
    start = seg.index;
  }
  // The last thing runs to a particle or the action after the list, read by words (复查调机: 查
  // inside 复查 is no action of its own).
  const last = chain.index + chain[0].lastIndexOf('/');
  let end = last + 1;
  for (const seg of wordSegmenter().segment(core.slice(last + 1))) {
    if (HARD_STOP.test(seg.segment) || (seg.index > 0 && isAction(seg.segment))) break;
    end = last + 1 + seg.index + seg.segment.length;
  }
  const items = core.slice(start, end).split('/');
  if (start === first || items.some((t) => t === '')) return undefined;
  return items.map((t) => `${core.slice(0, start)}${t}${core.slice(end)}`);
}

/** Where a note's clauses part. */
const CLAUSE = /且|并且|和|、|，|,|;|；/;

/** The states a note's clauses deny (无欠费 → 欠费, 代币未消耗 → 消耗), in order. */
export function deniedStates(note: string): string[] {
  const states: string[] = [];
  for (const clause of note.split(CLAUSE)) {
    const c = clause.trim();
    // 代币未消耗: the thing first, then its denied state.
    const denied = DENIED_STATE.exec(c);
    if (DENIAL.test(c)) states.push(c.replace(DENIAL, ''));
    else if (denied) states.push(denied[1]!);
  }
  return states;
}

/** Words that deny what follows (无欠费, 没有进行中的订单, 非本人). */
const DENIAL = /^(?:无|未|没有|没|非|不)/;
/** A thing and its denied state (代币未消耗, 道具未使用): the state after the denial. */
const DENIED_STATE = /^[\u4e00-\u9fff/]{1,6}?(?:未|没有|无)([\u4e00-\u9fff]{2,4})$/;
/** Words of a state a caller says in other words, by the word a rule's note uses. */
const STATE_FORMS: ReadonlyArray<[RegExp, string]> = [
  [/欠费|欠款/, '欠费|欠款|欠(?:了|着|你们|钱)|还欠|没(?:有)?(?:交|缴|付|结)清'],
  [
    /进行中|未完成|未结束/,
    '进行中|还在(?:用|骑|开|租|跑)|正在(?:用|骑|开|租)|(?:没|未)(?:有)?(?:结束|还车|完成)',
  ],
  [/逾期/, '逾期|超期|过期'],
  // Spent: 消耗了一些, 用掉了, 花了几个.
  [/消耗|使用/, '消耗|用掉|花掉|花了|用了(?:一些|几|点|部分)'],
];
/** A note allowing the first time only (首次, 第一次, 仅限一次, 限一次). */
const FIRST_TIME_ONLY = /首次|第一次|(?:仅|只|限)(?:限)?(?:一|1)次/;
/** A repeat, said: 第二次, 第三回, 又点错了, 再次. */
const REPEAT_SAID = '第[二两三四五六七八九十\\d]+[次回]|又(?:一次|一回)?(?=[点充买误错退搞弄])|再次|二次';

/** What a caller says to deny a state (没得欠费, 没有欠款, 不欠). */
const DENIED_BEFORE = '(?<!(?:无|未|没|没有|没得|不|非|并没有|从没|从来没)[^,.!?;:，。！？、\\n]{0,2})';

/**
 * What a request may not say for a rule's shorter phrase to stand for it: for each state its note
 * says must not hold (无进行中订单且无欠费), the forms of that state said without a denial before
 * them, as one expression source; undefined when the note states no such condition. A note of
 * examples or of a procedure (核实订单后原路退回) names no state to break.
 */
export function conditionExclusions(phrase: string): string | undefined {
  const notes = [...phrase.matchAll(/\(([^)]*)(?:\)|$)/g)].map((m) => m[1]!);
  const forms: string[] = [];
  for (const note of notes) {
    // 30天内首次, 仅限一次: a repeat said (第二次, 又, 再次) is not the first time.
    if (note.split(CLAUSE).some((c) => FIRST_TIME_ONLY.test(c))) forms.push(REPEAT_SAID);
    for (const state of deniedStates(note)) {
      const known = STATE_FORMS.find(([re]) => re.test(state));
      if (known) forms.push(known[1]);
      else if (state.length >= 2) forms.push(escapeRegExp(state));
    }
  }
  if (forms.length === 0) return undefined;
  return `${DENIED_BEFORE}(?:${forms.join('|')})`;
}
