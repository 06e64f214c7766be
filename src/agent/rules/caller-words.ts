import type { CallContext } from '../../call/call-agent.js';
import { tokenize } from '../../knowledge/index.js';

/** What the caller said last in the call, if anything (the line being answered). */
export function lastCallerLine(ctx: Pick<CallContext, 'conversation'>): string | undefined {
  return ctx.conversation.filter((t) => t.role === 'customer').at(-1)?.content;
}

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
