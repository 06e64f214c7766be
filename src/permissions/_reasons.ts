/** Reasons for permission decisions, in Chinese and English. */
import type { Bilingual } from '../domain/language.js';
import type { PermissionCategory } from '../domain/record-schemas.js';
import { CURRENCY_WORDS, isMoneyUnit, type Quantity, type QuantityFamily } from './parse-quantities.js';

const MEASURE: Record<QuantityFamily, Bilingual> = {
  money: { zh: '金额', en: 'amount' },
  duration: { zh: '时长', en: 'duration' },
  count: { zh: '次数', en: 'count' },
  data: { zh: '流量', en: 'data amount' },
  points: { zh: '积分', en: 'points' },
  clock: { zh: '时间', en: 'time' },
};

/** Why a rule decided. */
export function ruleReason(category: PermissionCategory, rule: string): Bilingual {
  switch (category) {
    case 'can_approve_immediately':
      return { zh: `在权限范围内(${rule})`, en: `within authority (${rule})` };
    case 'requires_supervisor':
      return { zh: `超出当前权限(${rule})`, en: `beyond current authority (${rule})` };
    case 'requires_process':
      return { zh: `需要走正式流程(${rule})`, en: `needs the formal process (${rule})` };
    case 'forbidden':
      return { zh: `属于禁止操作(${rule})`, en: `forbidden (${rule})` };
  }
}

/**
 * An action about someone other than the caller: forbidden by the product's rule on other
 * people's data when it has one, else by default.
 */
export function otherPartyReason(rule: string | null, what: Bilingual): Bilingual {
  return rule === null
    ? {
        zh: `涉及他人信息(${what.zh})，默认禁止`,
        en: `about someone else's data (${what.en}): forbidden by default`,
      }
    : {
        zh: `属于禁止操作(${rule})：涉及他人信息(${what.zh})`,
        en: `forbidden (${rule}): about someone else's data (${what.en})`,
      };
}

export const NO_RULE: Bilingual = {
  zh: '没有规则覆盖此操作，需主管审批',
  en: 'no rule covers this action; a supervisor must approve',
};

/** The amount is missing and only approval rules with a limit matched. */
export function amountMissing(family: QuantityFamily | undefined, rule: string): Bilingual {
  const m = MEASURE[family ?? 'money'];
  return {
    zh: `${m.zh}未说明，无法按额度规则批准(${rule})，需主管审批`,
    en: `${m.en} not stated; a limit rule cannot approve it (${rule}); a supervisor must approve`,
  };
}

/** The amount is missing; the strictest rule that may apply decides. */
export function amountMissingStrictest(family: QuantityFamily | undefined, base: Bilingual): Bilingual {
  const m = MEASURE[family ?? 'money'];
  return {
    zh: `${m.zh}未说明，按可能适用的最严格规则处理: ${base.zh}`,
    en: `${m.en} not stated, so the strictest rule that may apply decides: ${base.en}`,
  };
}

/** The amount is in another unit than the rule's (dollars against a rule in yuan or pounds). */
export function unitMismatch(quantity: Quantity, rule: string): Bilingual {
  return {
    zh: `${quantity.text}与规则的单位不同，无法按额度规则批准(${rule})，需主管审批`,
    en: `${quantity.text} is in a different unit from the rule (${rule}); a supervisor must approve`,
  };
}

/** The amount is in another unit; the strictest rule that may apply decides. */
export function unitMismatchStrictest(quantity: Quantity, base: Bilingual): Bilingual {
  return {
    zh: `${quantity.text}与规则的单位不同，按可能适用的最严格规则处理: ${base.zh}`,
    en: `${quantity.text} is in a different unit from the rules, so the strictest rule that may apply decides: ${base.en}`,
  };
}

/** Rules name the action but none of their limits contains the amount. */
export function outOfRange(quantityText: string): Bilingual {
  return {
    zh: `${quantityText}不在任何规则的额度内，需主管审批`,
    en: `${quantityText} is outside every limit in the rules; a supervisor must approve`,
  };
}

/** Notes how an amount said elsewhere, or without a unit, was read. */
export function amountNote(taken: string, read: string | undefined): Bilingual {
  return read === undefined
    ? { zh: `，金额取自"${taken}"`, en: `; amount taken from "${taken}"` }
    : { zh: `，"${taken}"按${read}理解`, en: `; "${taken}" read as ${read}` };
}

/** Notes that an amount asked for several times was counted as its total (3次×50元 = 150元). */
export function repeatedNote(times: number, each: Quantity, total: number): Bilingual {
  const sum = formatAmount(total, each.unit);
  const one = formatAmount(each.value, each.unit);
  return { zh: `，按${times}次×${one.zh}=${sum.zh}计`, en: `; counted as ${times} × ${one.en} = ${sum.en}` };
}

/** Notes that earlier approvals were added to the action's amount (limits add up). */
export function addedUp(total: number, earlier: number, unit: Quantity['unit']): Bilingual {
  const t = formatAmount(total, unit);
  const e = formatAmount(earlier, unit);
  return {
    zh: `，累计${t.zh}(含此前已批准${e.zh})`,
    en: `; ${t.en} counted in total (${e.en} approved before)`,
  };
}

/** A quantity in words, for notes: 50元 / ¥50, 50英镑 / £50. */
export function formatAmount(value: number, unit: Quantity['unit'] | undefined): Bilingual {
  return { zh: amountIn(value, unit, 'zh'), en: amountIn(value, unit, 'en') };
}

/** A quantity in words in one language (a label needs only the action's). */
export function amountIn(value: number, unit: Quantity['unit'] | undefined, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  if (unit !== undefined && isMoneyUnit(unit)) {
    const words = CURRENCY_WORDS[unit];
    // £14.50, not £14.5: money with pence or cents is said with both digits.
    const said = Number.isInteger(value) ? String(value) : value.toFixed(2);
    return zh ? `${said}${words.zh}` : `${words.sign}${said}`;
  }
  switch (unit) {
    case 'day':
      return zh ? `${value}天` : `${value} days`;
    case 'month':
      return zh ? `${value}个月` : `${value} months`;
    case 'time':
      return zh ? `${value}次` : `${value} times`;
    case 'GB':
    case 'MB':
      return zh ? `${value}${unit}` : `${value} ${unit}`;
    case 'hour':
      return zh ? `${value}小时` : `${value} hours`;
    case 'point':
      return zh ? `${value}分` : `${value} points`;
    case 'clock': {
      const h = Math.floor(value);
      const m = Math.round((value - h) * 60);
      if (!zh) return `${h}:${String(m).padStart(2, '0')}`;
      return m === 0 ? `${h}点` : m === 30 ? `${h}点半` : `${h}点${m}分`;
    }
    default:
      return String(value);
  }
}
