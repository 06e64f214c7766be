// Test double (not shipped): scripted answers for the AI SDK's MockLanguageModelV3.
import type {
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** One scripted model turn: text, tool calls, or an error to throw. */
export type MockTurn =
  | { text?: string; calls?: Array<{ tool: string; input: unknown }> }
  | { error: unknown };

function toGenerate(turn: MockTurn, n: number): LanguageModelV3GenerateResult {
  if ('error' in turn) throw turn.error;
  const calls = turn.calls ?? [];
  return {
    content: [
      ...(turn.text === undefined ? [] : [{ type: 'text' as const, text: turn.text }]),
      ...calls.map((c, i) => ({
        type: 'tool-call' as const,
        toolCallId: `call-${n}-${i}`,
        toolName: c.tool,
        input: JSON.stringify(c.input),
      })),
    ],
    finishReason: { unified: calls.length > 0 ? 'tool-calls' : 'stop', raw: undefined },
    usage,
    warnings: [],
  };
}

function toStream(turn: MockTurn, n: number): LanguageModelV3StreamResult {
  if ('error' in turn) throw turn.error;
  const calls = turn.calls ?? [];
  const chunks: LanguageModelV3StreamPart[] = [];
  if (turn.text !== undefined) {
    chunks.push({ type: 'text-start', id: `t${n}` });
    // Small pieces, the way a provider streams, so sentence gating is exercised.
    for (const piece of Array.from(turn.text).reduce<string[]>((acc, c, i) => {
      if (i % 3 === 0) acc.push(c);
      else acc[acc.length - 1] += c;
      return acc;
    }, [])) {
      chunks.push({ type: 'text-delta', id: `t${n}`, delta: piece });
    }
    chunks.push({ type: 'text-end', id: `t${n}` });
  }
  calls.forEach((c, i) => {
    chunks.push({
      type: 'tool-call',
      toolCallId: `call-${n}-${i}`,
      toolName: c.tool,
      input: JSON.stringify(c.input),
    });
  });
  chunks.push({
    type: 'finish',
    finishReason: { unified: calls.length > 0 ? 'tool-calls' : 'stop', raw: undefined },
    usage,
  });
  return { stream: simulateReadableStream({ chunks, chunkDelayInMs: null, initialDelayInMs: null }) };
}

/**
 * A mock model that plays `turns` in order for both generateText and streamText (one shared
 * counter); a function turn sees the call's prompt. Past the end it repeats the last turn.
 */
export function scriptedModel(
  turns: Array<MockTurn | ((options: LanguageModelV3CallOptions) => MockTurn)>,
): MockLanguageModelV3 & { prompts: LanguageModelV3CallOptions[] } {
  let n = 0;
  const prompts: LanguageModelV3CallOptions[] = [];
  const next = (options: LanguageModelV3CallOptions): MockTurn => {
    prompts.push(options);
    const step = turns[Math.min(n++, turns.length - 1)]!;
    return typeof step === 'function' ? step(options) : step;
  };
  const model = new MockLanguageModelV3({
    doGenerate: async (options) => toGenerate(next(options), n),
    doStream: async (options) => toStream(next(options), n),
  });
  return Object.assign(model, { prompts });
}

/** The text of every user message in a prompt (to see what the model was told). */
export function userTexts(options: LanguageModelV3CallOptions): string[] {
  return options.prompt.flatMap((m) =>
    m.role === 'user' ? m.content.flatMap((p) => (p.type === 'text' ? [p.text] : [])) : [],
  );
}

/** The tool results a prompt carries, parsed. */
export function toolResults(options: LanguageModelV3CallOptions): unknown[] {
  return options.prompt.flatMap((m) =>
    m.role === 'tool'
      ? m.content.flatMap((p) =>
          p.type === 'tool-result'
            ? [p.output.type === 'json' ? p.output.value : (p.output as { value?: unknown }).value]
            : [],
        )
      : [],
  );
}
