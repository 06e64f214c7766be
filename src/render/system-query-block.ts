import { maskPhone } from '../domain/phone.js';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import { escapeControlChars as safe } from './escape-control-chars.js';

/**
 * The seed's system query block (Step 4), the caller's phone masked in the endpoint:
 *
 * ```
 * 【系统查询结果 - Mock】
 * 接口: GET /api/user/138****8000/subscriptions
 * 目的: 查询用户订阅状态
 * 状态: 成功
 * 响应: {
 *   "subscriptions": [...]
 * }
 * ---
 * ```
 * A real query says `- Real`; a failed one `状态: 失败: <error>` and has no response.
 */
export function renderSystemQueryBlock(
  q: SystemQueryRecord,
  options: { lang: 'zh' | 'en'; phone: string },
): string {
  const zh = options.lang === 'zh';
  const kind = q.mock ? 'Mock' : 'Real';
  const endpoint =
    options.phone.length > 0 ? q.endpoint.replaceAll(options.phone, maskPhone(options.phone)) : q.endpoint;
  const status = q.ok
    ? zh
      ? '成功'
      : 'OK'
    : `${zh ? '失败' : 'Failed'}: ${safe(q.error ?? (zh ? '未知错误' : 'unknown error'))}`;
  const lines = [
    zh ? `【系统查询结果 - ${kind}】` : `[System Query Result - ${kind}]`,
    `${zh ? '接口' : 'Endpoint'}: ${safe(q.method)} ${safe(endpoint)}`,
    `${zh ? '目的' : 'Purpose'}: ${safe(q.purpose)}`,
    `${zh ? '状态' : 'Status'}: ${status}`,
  ];
  if (q.response !== undefined) {
    // JSON escapes C0 controls itself but not C1 or bidi marks, which a backend may send.
    lines.push(
      `${zh ? '响应' : 'Response'}: ${safe(JSON.stringify(q.response, null, 2), { multiline: true })}`,
    );
  }
  lines.push('---');
  return lines.join('\n');
}
