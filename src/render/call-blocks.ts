import type { Language } from '../domain/language.js';
import type { CallEvent, Review } from '../domain/session-schemas.js';
import { escapeControlChars as safe } from './escape-control-chars.js';

type Started = Extract<CallEvent, { type: 'session_started' }>;

/** The seed's Step 3 block (zh), or its English form. */
export function renderCallStartBlock(event: Started, language: Language): string {
  // Names and phones come from records anyone may have written: shown escaped, one line each.
  const customer = { ...event.customer, name: safe(event.customer.name), phone: safe(event.customer.phone) };
  const product = safe(event.product.name);
  const operator = safe(event.operator.name);
  if (language === 'en') {
    return [
      '--- Service Call Connected ---',
      `Caller: ${customer.phone || '(unknown)'}`,
      `Product: ${product}`,
      `Customer: ${customer.name}${customer.cold_start ? ' [New customer]' : ''}`,
      `Strategy: ${operator}`,
      '---',
    ].join('\n');
  }
  return [
    '--- 客服电话已接通 ---',
    `来电号码: ${customer.phone || '（未知）'}`,
    `产品: ${product}`,
    `客户: ${customer.name}${customer.cold_start ? ' [新客户]' : ''}`,
    `策略: ${operator}`,
    '---',
  ].join('\n');
}

export function renderCallEndBlock(language: Language): string {
  return language === 'en' ? '--- Service Call Ended ---' : '--- 客服电话已结束 ---';
}

const STATUS_ZH = {
  resolved: '已解决',
  partially_resolved: '部分解决',
  unresolved: '未解决',
  interrupted: '通话中断',
} as const;

/** Step 7's summary shown to the user after a call. */
export function renderReviewBlock(review: Review, language: Language): string {
  const updates = Object.entries(review.customer_updates).map(([k, v]) => [safe(k), safe(String(v))]);
  const issue = safe(review.issue_summary);
  const actions = review.actions_taken.map((a) => safe(a));
  if (language === 'en') {
    return [
      '[Call Summary]',
      `Resolution: ${review.resolution_status}`,
      `Issue: ${issue}`,
      `Actions: ${actions.length > 0 ? actions.join('; ') : 'none'}`,
      `Follow-up required: ${review.follow_up_required ? 'yes' : 'no'}`,
      `Customer updates: ${updates.length > 0 ? updates.map(([k, v]) => `${k}=${v}`).join(', ') : 'none'}`,
      '---',
    ].join('\n');
  }
  return [
    '【通话小结】',
    `处理结果: ${STATUS_ZH[review.resolution_status]} (${review.resolution_status})`,
    `问题概要: ${issue}`,
    `已采取措施: ${actions.length > 0 ? actions.join('；') : '无'}`,
    `需要跟进: ${review.follow_up_required ? '是' : '否'}`,
    `客户信息更新: ${updates.length > 0 ? updates.map(([k, v]) => `${k}=${v}`).join('，') : '无'}`,
    '---',
  ].join('\n');
}

/** A ticket line for people. */
export function renderTicketLine(event: Extract<CallEvent, { type: 'ticket' }>, language: Language): string {
  const kind =
    event.kind === 'requires_supervisor'
      ? language === 'en'
        ? 'supervisor approval'
        : '主管审批'
      : language === 'en'
        ? 'formal process'
        : '正式流程';
  const id = safe(event.id);
  const summary = safe(event.summary);
  return language === 'en' ? `[Ticket ${id}] ${kind}: ${summary}` : `【工单 ${id}】${kind}: ${summary}`;
}
