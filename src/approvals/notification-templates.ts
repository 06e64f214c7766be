import type { ApprovalRequest } from '../domain/approval-request.js';
import { FINAL_APPROVAL_STATES } from '../domain/approval-states.js';
import type { Language } from '../domain/language.js';

/** What the customer is told about an approval request: a decision, or how its execution ended. */
export const APPROVAL_NEWS = ['approved', ...FINAL_APPROVAL_STATES] as const;
export type ApprovalNews = (typeof APPROVAL_NEWS)[number];

/**
 * The only values a template may use: the request's own fields, never text a person typed (a
 * supervisor's note or reason stays inside; the customer is told what they can do instead).
 */
export interface NoticeFields {
  /** The action as the engine normalised it: 退款200元. */
  action: string;
  product: string;
  /** When the supervisor's answer was promised, as the customer reads a time: 2026-11-30 10:00. */
  due: string;
  /** What the execution did (the system's own description), for `executed`; null when it said nothing. */
  done: string | null;
}

type Template = (f: NoticeFields) => string;

/**
 * Every message a customer can receive about a request, Chinese first, in the seed's voice
 * (您申请的退款200元已经主管批准…). One table, so a new kind of news is one row in both languages.
 */
export const NOTIFICATION_TEMPLATES: Record<ApprovalNews, Record<Language, Template>> = {
  approved: {
    zh: (f) =>
      `您好，您在${f.product}申请的${f.action}已经主管批准，我们会尽快为您办理，办理完成后会再通知您。`,
    en: (f) =>
      `Hello, your request for ${f.action} (${f.product}) has been approved by a supervisor. ` +
      'We will carry it out shortly and let you know once it is done.',
  },
  rejected: {
    zh: (f) =>
      `您好，很抱歉，您在${f.product}申请的${f.action}经主管审核未能批准。` +
      '如果您有补充的情况或其他需要，欢迎随时来电，我们会继续为您想办法。',
    en: (f) =>
      `Hello, we are sorry: your request for ${f.action} (${f.product}) was not approved after a supervisor's review. ` +
      'If there is more we should know, or anything else we can do, please call us again.',
  },
  expired: {
    zh: (f) =>
      `您好，非常抱歉，您在${f.product}申请的${f.action}未能在承诺的时间（${f.due}）内完成审核，该申请已关闭。` +
      '请您再次来电，我们会优先为您处理。',
    en: (f) =>
      `Hello, we are sorry: your request for ${f.action} (${f.product}) was not reviewed by the time we promised (${f.due}) and has been closed. ` +
      'Please call us again and we will deal with it first.',
  },
  withdrawn: {
    zh: (f) => `您好，您在${f.product}申请的${f.action}已经撤回，不会再为您办理。如仍有需要，欢迎随时来电。`,
    en: (f) =>
      `Hello, your request for ${f.action} (${f.product}) has been withdrawn and will not be carried out. ` +
      'If you still need it, please call us again.',
  },
  invalidated: {
    zh: (f) =>
      `您好，由于相关规定或您的账户情况有了变化，您在${f.product}申请的${f.action}已经失效。` +
      '如仍需办理，请再次来电，我们会重新为您核实。',
    en: (f) =>
      `Hello, the rules or your account have changed since you asked, so your request for ${f.action} (${f.product}) no longer stands. ` +
      'If you still need it, please call us again and we will check it afresh.',
  },
  executed: {
    zh: (f) =>
      `您好，您在${f.product}申请的${f.action}已经主管批准并办理完成${f.done ? `：${f.done}` : ''}。感谢您的耐心等待。`,
    en: (f) =>
      `Hello, your request for ${f.action} (${f.product}) was approved and has been carried out${f.done ? `: ${f.done}` : ''}. ` +
      'Thank you for your patience.',
  },
  failed: {
    zh: (f) =>
      `您好，非常抱歉，您在${f.product}申请的${f.action}在办理时遇到了问题，暂未完成。` +
      '我们会尽快跟进处理，并再次通知您。',
    en: (f) =>
      `Hello, we are sorry: carrying out your request for ${f.action} (${f.product}) ran into a problem and it is not done yet. ` +
      'We will follow it up and let you know.',
  },
};

/**
 * The message about a request in the request's language, filled from its own fields only.
 *
 * @example notificationText(request, 'approved') // 您好，您在会员订阅服务申请的退款200元已经主管批准…
 */
export function notificationText(request: ApprovalRequest, news: ApprovalNews): string {
  const template = NOTIFICATION_TEMPLATES[news][request.language];
  return template({
    action: oneLine(request.action),
    product: oneLine(request.product_name),
    due: customerTime(request.due_at),
    done:
      news === 'executed' && request.execution?.description ? oneLine(request.execution.description) : null,
  });
}

/** An ISO time as a customer reads it, in the local time of the service: 2026-11-30 10:00. */
export function customerTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** A field as one line without a trailing full stop, so it sits inside a sentence. */
function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。.]+$/u, '');
}
