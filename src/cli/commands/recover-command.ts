import { recoverCalls } from '../../call/recover-calls.js';
import type { CliContext } from '../cli-context.js';

/**
 * `cs recover`: saves every call whose process is gone (most are already saved by the next
 * command that opens the database; this one also lists what is still running or stuck).
 * Exit 1 when a call could not be saved.
 */
export async function recoverCommand(ctx: CliContext): Promise<number | undefined> {
  const store = await ctx.store({ recover: false });
  const outcomes = await recoverCalls({ store });
  ctx.emit({ calls: outcomes }, () => {
    if (outcomes.length === 0) return '没有待恢复的通话 · no interrupted calls';
    return outcomes
      .map((o) => {
        switch (o.outcome) {
          case 'saved':
            return `已保存 · saved       ${o.call_id} → ${o.session_id}`;
          case 'running':
            return `进行中 · running     ${o.call_id}`;
          default:
            return `未保存 · not saved   ${o.call_id}: ${o.reason}`;
        }
      })
      .join('\n');
  });
  return outcomes.some((o) => o.outcome === 'failed' || o.outcome === 'unreadable') ? 1 : undefined;
}
