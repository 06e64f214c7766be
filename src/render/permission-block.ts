import { permissionLabel } from '../domain/permission-labels.js';
import type { PermissionCategory } from '../domain/record-schemas.js';
import { amountIn, type CountedTotal, type PermissionDecision } from '../permissions/index.js';
import { slaPromise } from '../records/product-sla.js';
import { escapeControlChars } from './escape-control-chars.js';

type Lang = 'zh' | 'en';

function processLine(status: PermissionCategory, lang: Lang, sla: string | undefined): string | undefined {
  if (status === 'requires_supervisor') {
    const t = slaPromise(sla, 'supervisor', lang);
    return lang === 'zh'
      ? `流程: 请告知客户需要主管审批,预计${t}回复`
      : `Process: Tell the customer a supervisor must approve; expect a reply ${t}`;
  }
  if (status === 'requires_process') {
    const t = slaPromise(sla, 'process', lang);
    return lang === 'zh'
      ? `流程: 请告知客户需要提交正式申请,我们将登记工单,预计${t}处理`
      : `Process: Tell the customer this needs a formal request; we log a ticket, handled ${t}`;
  }
  return undefined;
}

/**
 * One line: text from outside must not add lines to the block (or fake its end), nor act on
 * the terminal.
 */
function oneLine(text: string): string {
  return escapeControlChars(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * 累计: 本次通话已批准90元 + 本次90元 = 180元 (24小时内): what a limit that adds up counted.
 */
function countedLine(c: CountedTotal, lang: Lang): string {
  // 90元 / ¥90, R90: as the engine's reasons write amounts.
  const a = (v: number) => amountIn(v, c.unit, lang);
  const hours = c.windowHours ?? 24;
  const terms: string[] = [];
  if (lang === 'zh') {
    if (c.call > 0) terms.push(`本次通话已批准${a(c.call)}`);
    if (c.window > 0) terms.push(`${hours}小时内其他通话已批准${a(c.window)}`);
    terms.push(`本次${a(c.current)}`);
    return `累计: ${terms.join(' + ')} = ${a(c.total)} (${hours}小时内)`;
  }
  if (c.call > 0) terms.push(`${a(c.call)} approved earlier in this call`);
  if (c.window > 0) terms.push(`${a(c.window)} approved in other calls`);
  terms.push(`${a(c.current)} now`);
  return `Counted: ${terms.join(' + ')} = ${a(c.total)} (within ${hours} hours)`;
}

/**
 * The seed's permission check block for a decision, without a trailing newline:
 *
 * ```
 * 【权限检查结果】
 * 操作: 退款200元
 * 状态: ⚠ 需要主管审批
 * 说明: 超出当前权限(退款>=100元)
 * 流程: 请告知客户需要主管审批,预计2小时内回复
 * ---
 * ```
 *
 * The 流程/Process line appears for requires_supervisor and requires_process, its time taken from
 * the product's `sla` when it gives one. When a limit added earlier approvals to the action's
 * amount (`decision.counted`), a 累计/Counted line after the reason says what it counted.
 * English uses `[Permission Check]`, `Action:`, `Status:`, `Reason:`, `Process:`. The reason is
 * shown in the block's language when the decision carries both (`decision.reasons`), else as it is.
 *
 * @example renderPermissionBlock(decision, { lang: 'zh', sla: product.sla })
 */
export function renderPermissionBlock(
  decision: PermissionDecision,
  options: { lang: Lang; sla?: string },
): string {
  const { lang, sla } = options;
  const reason = oneLine(decision.reasons?.[lang] ?? decision.reason);
  const action = oneLine(decision.action);
  const label = permissionLabel(decision.status, lang);
  const lines =
    lang === 'zh'
      ? ['【权限检查结果】', `操作: ${action}`, `状态: ${label}`, `说明: ${reason}`]
      : ['[Permission Check]', `Action: ${action}`, `Status: ${label}`, `Reason: ${reason}`];
  for (const c of decision.counted ?? []) lines.push(countedLine(c, lang));
  const process = processLine(decision.status, lang, sla);
  if (process) lines.push(process);
  lines.push('---');
  return lines.join('\n');
}
