import type { CallContext } from '../../call/call-agent.js';
import { tokenize } from '../../knowledge/index.js';

/** Every word the caller has said in the call so far (the knowledge tokenizer's terms). */
export function callerWords(ctx: Pick<CallContext, 'conversation'>): Set<string> {
  return new Set(
    tokenize(
      ctx.conversation
        .filter((t) => t.role === 'customer')
        .map((t) => t.content)
        .join('，'),
    ),
  );
}
