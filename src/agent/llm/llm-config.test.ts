import { describe, expect, it } from 'vitest';
import { CsError } from '../../domain/cs-error.js';
import { isLlmConfigured, type LlmFlags, resolveLlmConfig } from './llm-config.js';

function configError(env: NodeJS.ProcessEnv, flags?: LlmFlags): CsError {
  try {
    resolveLlmConfig({ env, ...(flags ? { flags } : {}) });
  } catch (error) {
    if (CsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a config error');
}

describe('resolveLlmConfig', () => {
  it('returns undefined when nothing is configured', () => {
    expect(resolveLlmConfig({ env: {} })).toBeUndefined();
  });

  it('fails clearly when the LLM agent is required but nothing is configured', () => {
    expect(() => resolveLlmConfig({ env: {}, required: true })).toThrow(/not configured.*--agent rules/);
  });

  it('ignores a stray provider key when no CS_LLM_ setting asks for an LLM', () => {
    expect(resolveLlmConfig({ env: { OPENAI_API_KEY: 'sk-x', ANTHROPIC_API_KEY: 'a' } })).toBeUndefined();
    expect(isLlmConfigured({ OPENAI_API_KEY: 'sk-x' })).toBe(false);
    expect(isLlmConfigured({ CS_LLM_MODEL: 'm' })).toBe(true);
  });

  it.each([
    [
      'openai-compatible without a key (Ollama)',
      {
        CS_LLM_PROVIDER: 'openai-compatible',
        CS_LLM_BASE_URL: 'http://localhost:11434/v1',
        CS_LLM_MODEL: 'qwen2.5',
      },
      { provider: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5' },
    ],
    [
      'openai-compatible with a key (DeepSeek)',
      {
        CS_LLM_PROVIDER: 'openai-compatible',
        CS_LLM_BASE_URL: 'https://api.deepseek.com/v1',
        CS_LLM_MODEL: 'deepseek-chat',
        CS_LLM_API_KEY: 'sk-1',
      },
      {
        provider: 'openai-compatible',
        baseUrl: 'https://api.deepseek.com/v1',
        model: 'deepseek-chat',
        apiKey: 'sk-1',
      },
    ],
    [
      'openai with OPENAI_API_KEY',
      { CS_LLM_PROVIDER: 'openai', CS_LLM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-o' },
      { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-o' },
    ],
    [
      'anthropic with ANTHROPIC_API_KEY',
      { CS_LLM_PROVIDER: 'Anthropic', CS_LLM_MODEL: 'claude-sonnet-4-5', ANTHROPIC_API_KEY: 'sk-a' },
      { provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'sk-a' },
    ],
    [
      'CS_LLM_API_KEY before the provider variable',
      { CS_LLM_PROVIDER: 'openai', CS_LLM_MODEL: 'm', OPENAI_API_KEY: 'sk-o', CS_LLM_API_KEY: 'sk-cs' },
      { provider: 'openai', model: 'm', apiKey: 'sk-cs' },
    ],
    [
      'a base URL alone implies openai-compatible',
      { CS_LLM_BASE_URL: 'http://127.0.0.1:8000/v1', CS_LLM_MODEL: 'vllm-model' },
      { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:8000/v1', model: 'vllm-model' },
    ],
  ])('reads %s', (_name, env, expected) => {
    expect(resolveLlmConfig({ env })).toEqual(expected);
  });

  it('lets flags override the environment (OPENAI_API_KEY is not sent to another server)', () => {
    const config = resolveLlmConfig({
      env: { CS_LLM_PROVIDER: 'openai', CS_LLM_MODEL: 'env-model', OPENAI_API_KEY: 'k' },
      flags: { provider: 'openai-compatible', model: 'flag-model', baseUrl: 'http://localhost:1234/v1' },
    });
    expect(config).toEqual({
      provider: 'openai-compatible',
      model: 'flag-model',
      baseUrl: 'http://localhost:1234/v1',
    });
  });

  it.each([
    [
      'an unknown provider',
      { CS_LLM_PROVIDER: 'gemini', CS_LLM_MODEL: 'm' },
      /Unknown LLM provider "gemini"/,
    ],
    [
      'openai-compatible without a base URL',
      { CS_LLM_PROVIDER: 'openai-compatible', CS_LLM_MODEL: 'm' },
      /CS_LLM_BASE_URL/,
    ],
    ['no model', { CS_LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'k' }, /CS_LLM_MODEL/],
    [
      'no key for openai',
      { CS_LLM_PROVIDER: 'openai', CS_LLM_MODEL: 'm' },
      /CS_LLM_API_KEY or OPENAI_API_KEY/,
    ],
    [
      'no key for anthropic',
      { CS_LLM_PROVIDER: 'anthropic', CS_LLM_MODEL: 'm' },
      /CS_LLM_API_KEY or ANTHROPIC_API_KEY/,
    ],
    ['a model but no provider', { CS_LLM_MODEL: 'm' }, /CS_LLM_PROVIDER/],
    [
      'a base URL that is not a URL',
      { CS_LLM_BASE_URL: 'localhost:11434', CS_LLM_MODEL: 'm' },
      /not an http\(s\) URL/,
    ],
  ])('fails with one clear E_CONFIG line for %s', (_name, env, message) => {
    const error = configError(env);
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });
});
