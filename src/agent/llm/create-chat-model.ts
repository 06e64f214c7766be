import type { LanguageModel } from 'ai';
import type { LlmConfig } from './llm-config.js';

/**
 * The AI SDK prints its warnings with console.info (stdout), which would break `cs call --jsonl`.
 * Turn that off unless someone chose a logger already.
 */
export function silenceSdkWarnings(): void {
  const holder = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
  if (holder.AI_SDK_LOG_WARNINGS === undefined) holder.AI_SDK_LOG_WARNINGS = false;
}

/**
 * Builds the chat model a checked LlmConfig names. The provider package is imported here, lazily,
 * so commands that never talk to an LLM never load it.
 *
 * @example const model = await createChatModel({ provider: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5' })
 */
export async function createChatModel(config: LlmConfig): Promise<LanguageModel> {
  silenceSdkWarnings();
  switch (config.provider) {
    case 'openai-compatible': {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      const provider = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: config.baseUrl ?? '',
        // No includeUsage: some compatible servers reject the stream_options field it adds.
        ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
      });
      return provider.chatModel(config.model);
    }
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      const provider = createOpenAI({
        ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
        ...(config.baseUrl === undefined ? {} : { baseURL: config.baseUrl }),
      });
      return provider(config.model);
    }
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      const provider = createAnthropic({
        ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
        ...(config.baseUrl === undefined ? {} : { baseURL: config.baseUrl }),
      });
      return provider(config.model);
    }
  }
}
