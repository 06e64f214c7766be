import type { Language } from '../agent/call-agent.js';
import type { CallEvent, Review } from '../domain/session-schemas.js';

type Started = Extract<CallEvent, { type: 'session_started' }>;

/** The seed's Step 3 block (zh), or its English form. */
export function renderCallStartBlock(event: Started, language: Language): string {
  const { customer } = event;
  if (language === 'en') {
    return [
      '--- Service Call Connected ---',
      `Caller: ${customer.phone}`,
      `Product: ${event.product.name}`,
      `Customer: ${customer.name}${customer.cold_start ? ' [New customer]' : ''}`,
      `Strategy: ${event.operator.name}`,
      '---',
    ].join('\n');
  }
  return [
    '--- 客服电话已接通 ---',
    `来电号码: ${customer.phone}`,
    `产品: ${event.product.name}`,
    `客户: ${customer.name}${customer.cold_start ? ' [新客户]' : ''}`,
    `策略: ${event.operator.name}`,
    '---',
  ].join('\n');
}

export function renderCallEndBlock(language: Language): string {
  return language === 'en' ? '--- Service Call Ended ---' : '--- 客服电话已结束 ---';
}

const STATUS_ZH = { resolved: '已解决', partially_resolved: '部分解决', unresolved: '未解决' } as const;

/** Step 7's summary shown to the user after a call. */
export function renderReviewBlock(review: Review, language: Language): string {
  const updates = Object.entries(review.customer_updates);
  if (language === 'en') {
    return [
      '[Call Summary]',
      `Resolution: ${review.resolution_status}`,
      `Issue: ${review.issue_summary}`,
      `Actions: ${review.actions_taken.length > 0 ? review.actions_taken.join('; ') : 'none'}`,
      `Follow-up required: ${review.follow_up_required ? 'yes' : 'no'}`,
      `Customer updates: ${updates.length > 0 ? updates.map(([k, v]) => `${k}=${String(v)}`).join(', ') : 'none'}`,
      '---',
    ].join('\n');
  }
  return [
    '【通话小结】',
    `处理结果: ${STATUS_ZH[review.resolution_status]} (${review.resolution_status})`,
    `问题概要: ${review.issue_summary}`,
    `已采取措施: ${review.actions_taken.length > 0 ? review.actions_taken.join('；') : '无'}`,
    `需要跟进: ${review.follow_up_required ? '是' : '否'}`,
    `客户信息更新: ${updates.length > 0 ? updates.map(([k, v]) => `${k}=${String(v)}`).join('，') : '无'}`,
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
  return language === 'en'
    ? `[Ticket ${event.id}] ${kind}: ${event.summary}`
    : `【工单 ${event.id}】${kind}: ${event.summary}`;
}
