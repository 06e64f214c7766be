// The LLM agent's public API. Importing this loads the `ai` SDK: import it lazily (await import()),
// and import ./llm-config.js directly when only the configuration is needed.
export { buildSystemPrompt, type SystemPromptInput } from './build-system-prompt.js';
export { createChatModel, silenceSdkWarnings } from './create-chat-model.js';
export { createLlmAgent, type LlmAgentOptions } from './llm-agent.js';
export {
  isLlmConfigured,
  LLM_PROVIDERS,
  type LlmConfig,
  type LlmFlags,
  type LlmProvider,
  resolveLlmConfig,
} from './llm-config.js';
export { createLlmTools, createToolLog, type LlmToolLog } from './llm-tools.js';
