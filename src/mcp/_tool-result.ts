import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CsError } from '../domain/cs-error.js';

/**
 * A tool's answer: the text an assistant reads (the seed's blocks) and the same data as JSON,
 * both as a second text part (every client shows it) and as structured content.
 */
export function toolResult(text: string, data: unknown): CallToolResult {
  const content: CallToolResult['content'] = [{ type: 'text', text }];
  if (data !== undefined) content.push({ type: 'text', text: JSON.stringify(data, null, 2) });
  const structured =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : data === undefined
        ? undefined
        : { items: data };
  return structured ? { content, structuredContent: structured } : { content };
}

/**
 * A tool error: the CsError's one-line message, which already says how to fix it, and its code
 * from the one error table (`E_REFUSED`, `E_NOT_FOUND` ...) as structured content, so a client
 * can tell a refusal from a typo without reading prose. Anything else is a bug (E_INTERNAL); its
 * message is still returned so the server keeps serving.
 */
export function toolError(error: unknown): CallToolResult {
  const [code, text] = CsError.isInstance(error)
    ? [error.code, error.message]
    : ['E_INTERNAL', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`];
  return {
    isError: true,
    content: [{ type: 'text', text }],
    structuredContent: { error: { code, message: text } },
  };
}

/** Wraps a tool handler so every failure becomes a tool error and never reaches the transport. */
export function guarded<A>(
  handler: (args: A) => Promise<CallToolResult>,
): (args: A) => Promise<CallToolResult> {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      return toolError(error);
    }
  };
}
