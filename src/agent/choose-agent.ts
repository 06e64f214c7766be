import type { CallAgent } from '../call/call-agent.js';
import { CsError } from '../domain/cs-error.js';
import type { Customer } from '../domain/record-schemas.js';
import type { GuardDecisionRecord } from '../domain/session-schemas.js';
import type { RecordStore } from '../store/record-store.js';

export interface AgentChoice {
  kind: 'auto' | 'rules' | 'llm';
  env: NodeJS.ProcessEnv;
  flags?: { provider?: string; model?: string; baseUrl?: string };
}

/**
 * Decides who speaks before the call starts, so a missing or wrong LLM setting is one clear
 * error and nothing is written. `auto` is the LLM when one is configured, else the built-in agent.
 * The returned factory builds the agent once the call's recorder exists.
 */
export async function prepareAgent(
  choice: AgentChoice,
): Promise<
  (deps: {
    store: RecordStore;
    customer: Customer;
    onGuard: (d: GuardDecisionRecord) => void;
  }) => Promise<CallAgent>
> {
  const flags = stripUndefined(choice.flags ?? {});
  if (choice.kind === 'rules') return rulesAgent();
  const { isLlmConfigured, resolveLlmConfig } = await import('./llm/llm-config.js');
  if (choice.kind === 'auto' && !isLlmConfigured(choice.env, flags)) return rulesAgent();
  const config = resolveLlmConfig({ env: choice.env, flags, required: true });
  if (!config) throw new CsError('E_CONFIG', '--agent llm needs CS_LLM_PROVIDER and CS_LLM_MODEL.');
  const [{ createChatModel }, { createLlmAgent, retryDelayFromEnv }, { reviewFromContext }] =
    await Promise.all([
      import('./llm/create-chat-model.js'),
      import('./llm/llm-agent.js'),
      import('../call/build-review.js'),
    ]);
  const model = await createChatModel(config);
  const retryDelayMs = retryDelayFromEnv(choice.env);
  return async ({ store, customer, onGuard }) =>
    createLlmAgent({
      model,
      onGuard,
      ...(retryDelayMs === undefined ? {} : { retryDelayMs }),
      otherCustomers: async () =>
        (await store.summaries('customer'))
          .filter((s) => s.id !== customer._id)
          .map((s) => ({ name: s.name, phone: s.phone ?? '' })),
      fallbackReview: reviewFromContext,
    });
}

async function rulesAgent() {
  const { createRulesAgent } = await import('./rules/rules-agent.js');
  return async () => createRulesAgent();
}

function stripUndefined<T extends Record<string, string | undefined>>(o: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: string;
  };
}
