// The reply guard's status rule: an account state said to the caller must be one a query showed.
import {
  clauseAt,
  isConditional,
  isGeneralInformation,
  isQuestion,
  negatedBefore,
  reportsCallerWords,
  sentenceAt,
} from './_guard-text.js';
import type { GuardVerdict } from './reply-guard.js';

/** The small status vocabulary shared by both languages and by query responses. */
export type StatusName =
  | 'expired'
  | 'expiring'
  | 'active'
  | 'suspended'
  | 'cancelled'
  | 'overdue'
  | 'refunded'
  | 'paid'
  | 'shipped'
  | 'delivered'
  | 'pending'
  | 'completed'
  | 'auto_renew_on'
  | 'auto_renew_off';

const STATUS_LABEL: Record<StatusName, string> = {
  expired: 'expired (已过期)',
  expiring: 'about to expire (即将到期)',
  active: 'active (有效/正常)',
  suspended: 'suspended or frozen (冻结/暂停)',
  cancelled: 'cancelled (已取消)',
  overdue: 'overdue (欠费/逾期)',
  refunded: 'refunded (已退款)',
  paid: 'paid or charged (已支付/已扣款)',
  shipped: 'shipped (已发货)',
  delivered: 'delivered (已签收)',
  pending: 'pending (处理中)',
  completed: 'completed (已完成)',
  auto_renew_on: 'auto-renew on (自动续费开启)',
  auto_renew_off: 'auto-renew off (自动续费关闭)',
};

/** A status value as systems write it (expired, 已过期, past_due …) -> the states it shows. */
const VALUE_STATES: Array<[RegExp, StatusName[]]> = [
  [/^(?:expired|lapsed)$|过期|到期|失效/, ['expired']],
  [
    /^(?:active|valid|normal|ok|enabled|in_good_standing|good_standing|current|effective)$|有效|正常|生效|使用中|活跃|开通/,
    ['active'],
  ],
  [
    /^(?:suspended|frozen|locked|blocked|disabled|on_hold|paused|restricted|banned)$|冻结|暂停|停用|封禁|锁定|停机|限制/,
    ['suspended'],
  ],
  [/^(?:cancell?ed|terminated|closed|deleted|unsubscribed|deactivated)$|取消|注销|关闭|退订/, ['cancelled']],
  [
    /^(?:overdue|past_due|arrears|in_arrears|unpaid|delinquent|outstanding)$|欠费|逾期|未缴|未支付|拖欠/,
    ['overdue'],
  ],
  [
    /^(?:refunded|refund_completed|refund_success|refund_succeeded|returned)$|已退款|退款成功|已退回|已原路退回/,
    ['refunded'],
  ],
  [
    /^(?:paid|charged|charge|payment|success|succeeded|successful|settled|captured)$|已支付|已付款|支付成功|已扣款|扣款成功|已缴费|扣款|扣费/,
    ['paid'],
  ],
  [
    /^(?:shipped|dispatched|in_transit|out_for_delivery|sent)$|已发货|运输中|配送中|已发出|派送中|已寄出/,
    ['shipped'],
  ],
  [/^(?:delivered|signed|received)$|已签收|已送达|签收/, ['delivered', 'shipped']],
  [
    /^(?:pending|processing|in_progress|under_review|reviewing|submitted|queued|waiting|open|awaiting_approval|in_review)$|处理中|审核中|待处理|待审核|审批中|受理中|进行中/,
    ['pending'],
  ],
  [/^(?:completed|complete|done|finished|resolved)$|已完成|完成|已解决/, ['completed', 'paid']],
  [/^(?:inactive|not_active)$|未生效|未激活/, ['expired', 'suspended', 'cancelled']],
];

/** Boolean fields that state a status (auto_renew: false, is_frozen: true). */
const FLAG_STATES: Array<[RegExp, StatusName | undefined, StatusName | undefined]> = [
  [/auto_?renew|autorenew|auto_?pay|recurring|自动续费/i, 'auto_renew_on', 'auto_renew_off'],
  [/frozen|locked|suspended|blocked|banned|冻结/i, 'suspended', undefined],
  [/expired|lapsed/i, 'expired', 'active'],
  [/^(?:is_)?(?:active|valid|enabled)$/i, 'active', 'suspended'],
  [/overdue|arrears|past_due|欠费/i, 'overdue', undefined],
  [/^(?:is_)?paid$/i, 'paid', 'overdue'],
  [/refunded/i, 'refunded', undefined],
  [/shipped/i, 'shipped', undefined],
  [/delivered/i, 'delivered', undefined],
  [/cancell?ed/i, 'cancelled', undefined],
];

const ON = /^(?:on|yes|true|enabled|active|开启|开|已开启|是)$/i;
const OFF = /^(?:off|no|false|disabled|inactive|关闭|关|已关闭|否|未开启)$/i;
const EXPIRY_KEY = /expir|end_date|valid_until|validity_end|到期|截止/i;

function valueStates(value: string): StatusName[] {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (v === '' || v.length > 40) return [];
  return VALUE_STATES.filter(([re]) => re.test(v)).flatMap(([, states]) => states);
}

/**
 * The states this call's query responses show: status values in either language, boolean flags
 * (auto_renew: false), and, when today is known, an expiry date in the past or the future.
 *
 * @example statesFromResponses([{ status: 'active', auto_renew: false }]) // active, auto_renew_off
 */
export function statesFromResponses(responses: readonly unknown[], today?: string): Set<StatusName> {
  const out = new Set<StatusName>();
  const visit = (value: unknown, key: string, depth: number): void => {
    if (depth > 12 || value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key, depth + 1);
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, k, depth + 1);
      return;
    }
    const flag = FLAG_STATES.find(([re]) => re.test(key));
    if (typeof value === 'boolean') {
      const state = flag ? (value ? flag[1] : flag[2]) : undefined;
      if (state) out.add(state);
      return;
    }
    if (typeof value !== 'string') return;
    if (flag && /auto_?renew|autorenew|自动续费/i.test(key)) {
      if (ON.test(value.trim())) out.add('auto_renew_on');
      if (OFF.test(value.trim())) out.add('auto_renew_off');
    }
    if (today && EXPIRY_KEY.test(key) && /^\d{4}-\d{2}-\d{2}/.test(value)) {
      out.add(value.slice(0, 10) < today ? 'expired' : 'active');
      out.add('expiring');
    }
    for (const s of valueStates(value)) out.add(s);
  };
  for (const r of responses) visit(r, '', 0);
  return out;
}

interface StatusPattern {
  state: StatusName;
  re: RegExp;
}

const ZH_STATUS: StatusPattern[] = [
  {
    state: 'expired',
    re: /(?:已经?|早已|早就|已然|都)(?:过期|到期|失效)(?![的后前时日之以提])|(?<![就快要将])(?:过期|到期|失效)了|处于(?:过期|失效)状态|(?:是|为)(?:过期|失效)(?:的)?状态/g,
  },
  { state: 'expiring', re: /(?:快要?|即将|马上就?要?|就要?|快)(?:过期|到期|失效)/g },
  {
    state: 'suspended',
    re: /(?:已经?|被|遭到?|目前|现在|正在|处于|还在|仍然|仍在|还是)[^，。；！？,.!?]{0,4}?(?:冻结|暂停|停用|封禁|封号|封停|锁定|停机|限制使用|限制登录)(?!的?原因)|(?:冻结|暂停|停用|封禁|封停|锁定|停机)(?:了|中|状态)|被封(?:了|掉|号)/g,
  },
  {
    state: 'overdue',
    re: /(?:已经?|目前|现在|还|仍然?|存在|有)[^，。；！？,.!?]{0,3}?(?:欠费|逾期|拖欠|欠款|未缴费?|没缴费?|未付款|没付款)|(?:欠费|逾期|拖欠)(?:了|中|状态)|处于(?:欠费|逾期)状态|欠(?:了|着)?(?:您|我们)?[\d零一二两三四五六七八九十百]+/g,
  },
  {
    state: 'active',
    re: /(?:状态|账[户号]|会员|订阅|服务|套餐|权益)[^，。；！？,.!?]{0,6}?(?:一切)?(?:正常(?!情况|流程|现象|的话)|有效(?!期)|生效中|已生效|使用中|已激活|激活状态)|处于(?:正常|有效|激活|生效)状态|(?:仍然|依然|还是|仍|目前|现在)(?:是)?(?:有效|正常|生效)(?:的|状态|中)?(?!期|情况)/g,
  },
  {
    state: 'paid',
    re: /(?:已经?|都已经?)(?:成功)?(?:支付|付款|缴费|扣款|扣费|扣了|扣过)(?!的|方式|方法|记录)|(?:支付|付款|缴费|扣款|扣费)(?:已经?)?成功(?![后之以])/g,
  },
  {
    state: 'shipped',
    re: /(?:已经?|都已经?)(?:发货|出库)|(?:包裹|快递|订单|货|商品|设备)[^，。；！？]{0,6}?(?:已经?)?(?:寄出|发出|在路上|配送中|派送中|运输中)/g,
  },
  { state: 'delivered', re: /(?:已经?|都已经?)(?:签收|送达|妥投)/g },
  {
    state: 'pending',
    re: /(?:退款|申请|订单|工单|投诉|请求|审批|售后|退货|换货|报修)[^，。；！？]{0,6}?(?:正在|正|还在|仍在|目前在?|已经?在)(?:处理|审核|审批|受理|办理|跟进)(?:中|当中)?|(?:退款|申请|订单|工单|投诉|请求|售后|退货|换货|报修)[^，。；！？]{0,6}?(?:处理|审核|审批|受理)中/g,
  },
  {
    state: 'auto_renew_on',
    re: /(?:自动续费|自动扣费|自动续订)(?:功能)?(?:目前|现在|还|仍然|依然|一直)?(?:是|处于)?(?:开着|开启|打开|开通|生效|有效)(?:的|状态|中|着)?(?![后之以前])|(?:目前|现在|还|仍然|依然|一直)(?:是|处于|开着|开启着?|开通着?)(?:的)?(?:自动续费)(?:状态)?(?![已被关取没未不管])|(?:开启|开通|开)了自动续费/g,
  },
  {
    state: 'auto_renew_off',
    re: /(?:自动续费|自动扣费|自动续订)(?:功能)?(?:目前|现在|都)?(?:是|处于)?(?:关着|未开启|没开|没有开启?|未开通|没有开通)(?:的|状态)?|没有?(?:开启?|开通)(?:自动续费)/g,
  },
];

const EN_SUBJECT = String.raw`(?:\b(?:your|the|this|that|its)\s+(?:[\w-]+\s+){0,2}?(?:account|membership|subscription|plan|order|package|parcel|payment|bill|card|service|line|number|refund|request|application|ticket|auto[- ]?renew(?:al)?|renewal|trial|device|delivery|shipment|balance|complaint|claim|case)|\bit)`;
const EN_BE = String.raw`(?:\s+|'s\s+|'s$)(?:(?:is|was|are|were|has been|have been|had been|got|gets|has|have|seems to be|appears to be|remains|'s been|been)\s+)?(?:(?:currently|now|already|still|just|been|actually)\s+)*`;

const EN_STATUS: Array<[StatusName, string]> = [
  ['expired', 'expired|lapsed|run out|out of date'],
  ['suspended', 'frozen|suspended|locked|blocked|on hold|deactivated|disabled|restricted|banned|paused'],
  ['overdue', 'overdue|past due|in arrears|delinquent|unpaid'],
  ['active', 'active|in good standing|valid|up and running|working normally'],
  ['shipped', 'shipped|dispatched|on its way|in transit|out for delivery'],
  ['delivered', 'delivered'],
  ['pending', 'pending|processing|being processed|under review|being reviewed|in progress|in the queue'],
  ['paid', 'paid|charged|settled'],
  ['expiring', 'about to expire|expiring soon|due to expire|set to expire|going to expire'],
];

const EN_PATTERNS: StatusPattern[] = [
  ...EN_STATUS.map(([state, words]) => ({
    state,
    re: new RegExp(`${EN_SUBJECT}${EN_BE}(?:${words})\\b`, 'gi'),
  })),
  {
    state: 'auto_renew_on' as const,
    re: /\bauto[- ]?renew(?:al)?\s+(?:is|was)\s+(?:currently\s+|still\s+|now\s+)?(?:on|enabled|active|turned on|switched on)\b/gi,
  },
  {
    state: 'auto_renew_off' as const,
    re: /\bauto[- ]?renew(?:al)?\s+(?:is|was)\s+(?:currently\s+|still\s+|already\s+)?(?:off|disabled|not (?:on|enabled|active))\b/gi,
  },
  {
    state: 'overdue' as const,
    re: /\byou (?:have|owe|'ve got)\s+(?:an?\s+)?(?:overdue|outstanding|unpaid)\b|\byou(?:'re| are)\s+(?:behind on (?:your )?payments|overdue|in arrears)\b/gi,
  },
  {
    state: 'suspended' as const,
    re: /\b(?:currently|now)\s+(?:frozen|suspended|locked|on hold|blocked)\b|\bin an? (?:frozen|suspended|locked|blocked) state\b/gi,
  },
];

/** A status the draft asserts (or denies) about the caller's account. */
interface StatusClaim {
  state: StatusName;
  negated: boolean;
  phrase: string;
}

function findStatusClaims(draft: string): StatusClaim[] {
  const out: StatusClaim[] = [];
  for (const { state, re } of [...ZH_STATUS, ...EN_PATTERNS]) {
    for (const m of draft.matchAll(re)) {
      const phrase = m[0].trim();
      const index = m.index + (m[0].length - m[0].trimStart().length);
      const sentence = sentenceAt(draft, index, phrase.length);
      const clause = clauseAt(draft, index, phrase.length);
      if (isQuestion(sentence) || reportsCallerWords(sentence.text)) continue;
      if (isConditional(draft.slice(sentence.start, index)) || isGeneralInformation(sentence.text)) continue;
      // 解除冻结 / 解冻: undoing a state names it without claiming it.
      if (state === 'suspended' && /解除?$|取消$/.test(draft.slice(Math.max(0, index - 2), index))) continue;
      const negated =
        negatedBefore(clause, index + (state === 'overdue' && /^有/.test(phrase) ? 1 : 0)) ||
        /\b(?:not|n't|never)\b[^.!?]{0,12}$/i.test(phrase.replace(/\b\w+$/, ''));
      out.push({ state, negated, phrase });
    }
  }
  return out;
}

/**
 * Stops a draft that tells the caller their account is in a state (已过期, frozen, 欠费, shipped …)
 * no query of this call showed. A denied state (没有过期, isn't frozen) needs some status from a
 * query that is not that state.
 */
export function checkStatuses(draft: string, known: ReadonlySet<StatusName>): GuardVerdict {
  for (const claim of findStatusClaims(draft)) {
    const grounded = claim.negated
      ? known.size > 0 && !known.has(claim.state)
      : known.has(claim.state) || (claim.state === 'expiring' && known.has('expired'));
    if (!grounded) {
      const label = STATUS_LABEL[claim.state];
      return {
        ok: false,
        rule: 'unverified_status',
        detail: claim.negated
          ? `"${claim.phrase}" says the account is not ${label}, but no system query of this call showed its status: query the system first, or leave the status out.`
          : `"${claim.phrase}" says the account is ${label}, but no system query of this call showed that: query the system first, or leave the status out.`,
      };
    }
  }
  return { ok: true };
}
