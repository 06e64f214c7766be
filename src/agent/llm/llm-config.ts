import { CsError } from '../../domain/cs-error.js';

/** The providers the LLM agent can talk to. */
export const LLM_PROVIDERS = ['openai-compatible', 'openai', 'anthropic'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** A complete, checked LLM setting: enough to build a chat model. */
export interface LlmConfig {
  provider: LlmProvider;
  model: string;
  /** Required for openai-compatible (DeepSeek, Qwen, Ollama, vLLM ...); optional override for the others. */
  baseUrl?: string;
  /** Absent only for openai-compatible servers that take no key (a local Ollama). */
  apiKey?: string;
}

/** Command-line overrides of the environment (`--llm-provider`, `--llm-model`, `--llm-base-url`). */
export interface LlmFlags {
  provider?: string;
  model?: string;
  baseUrl?: string;
  apiKey?: string;
}

/** The provider's usual key variable, accepted when CS_LLM_API_KEY is not set. */
const PROVIDER_KEY_VARIABLES: Record<LlmProvider, string | undefined> = {
  'openai-compatible': undefined,
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * True when the user asked for an LLM at all (any CS_LLM_* variable set). A stray OPENAI_API_KEY
 * alone does not count: `--agent auto` must not switch to an LLM nobody configured.
 */
export function isLlmConfigured(env: NodeJS.ProcessEnv, flags?: LlmFlags): boolean {
  const values = [
    env.CS_LLM_PROVIDER,
    env.CS_LLM_MODEL,
    env.CS_LLM_BASE_URL,
    env.CS_LLM_API_KEY,
    flags?.provider,
    flags?.model,
    flags?.baseUrl,
    flags?.apiKey,
  ];
  return values.some((v) => clean(v) !== undefined);
}

/**
 * Reads the LLM setting from flags (first) and the environment: `CS_LLM_PROVIDER`, `CS_LLM_MODEL`,
 * `CS_LLM_BASE_URL`, `CS_LLM_API_KEY` (or OPENAI_API_KEY / ANTHROPIC_API_KEY). Returns undefined
 * when nothing is configured (unless `required`); throws one CsError E_CONFIG line for a missing
 * or wrong setting, so the call never starts half-configured.
 *
 * @example resolveLlmConfig({ env: { CS_LLM_PROVIDER: 'openai-compatible', CS_LLM_BASE_URL: 'http://localhost:11434/v1', CS_LLM_MODEL: 'qwen2.5' } })
 */
export function resolveLlmConfig(input: {
  env: NodeJS.ProcessEnv;
  flags?: LlmFlags;
  /** `--agent llm`: having no setting at all is an error too, not undefined. */
  required?: boolean;
}): LlmConfig | undefined {
  const { env, flags } = input;
  if (!isLlmConfigured(env, flags)) {
    if (!input.required) return undefined;
    throw new CsError(
      'E_CONFIG',
      'The LLM agent is not configured: set CS_LLM_PROVIDER and CS_LLM_MODEL (plus CS_LLM_BASE_URL or CS_LLM_API_KEY as the provider needs), or use --agent rules.',
    );
  }

  const baseUrl = clean(flags?.baseUrl) ?? clean(env.CS_LLM_BASE_URL);
  const model = clean(flags?.model) ?? clean(env.CS_LLM_MODEL);
  const rawProvider = clean(flags?.provider) ?? clean(env.CS_LLM_PROVIDER);

  let provider: LlmProvider;
  if (rawProvider === undefined) {
    // A base URL alone says enough: every server behind one speaks the OpenAI-compatible protocol.
    if (baseUrl === undefined) {
      throw new CsError(
        'E_CONFIG',
        'No LLM provider: set CS_LLM_PROVIDER (or --llm-provider) to openai-compatible, openai or anthropic.',
      );
    }
    provider = 'openai-compatible';
  } else {
    const normalised = rawProvider.toLowerCase();
    if (!(LLM_PROVIDERS as readonly string[]).includes(normalised)) {
      throw new CsError(
        'E_CONFIG',
        `Unknown LLM provider "${rawProvider}": use openai-compatible, openai or anthropic (CS_LLM_PROVIDER or --llm-provider).`,
      );
    }
    provider = normalised as LlmProvider;
  }

  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
    throw new CsError(
      'E_CONFIG',
      `The LLM base URL "${baseUrl}" is not an http(s) URL: fix CS_LLM_BASE_URL (or --llm-base-url), e.g. http://localhost:11434/v1.`,
    );
  }
  if (provider === 'openai-compatible' && baseUrl === undefined) {
    throw new CsError(
      'E_CONFIG',
      'The openai-compatible provider needs a base URL: set CS_LLM_BASE_URL (or --llm-base-url), e.g. https://api.deepseek.com/v1.',
    );
  }
  if (model === undefined) {
    throw new CsError('E_CONFIG', `No LLM model for ${provider}: set CS_LLM_MODEL (or --llm-model).`);
  }

  const keyVariable = PROVIDER_KEY_VARIABLES[provider];
  const apiKey =
    clean(flags?.apiKey) ?? clean(env.CS_LLM_API_KEY) ?? (keyVariable ? clean(env[keyVariable]) : undefined);
  if (apiKey === undefined && keyVariable !== undefined) {
    throw new CsError('E_CONFIG', `No API key for ${provider}: set CS_LLM_API_KEY or ${keyVariable}.`);
  }

  return {
    provider,
    model,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(apiKey === undefined ? {} : { apiKey }),
  };
}
