import {
  APICallError,
  generateText,
  type LanguageModel,
  type ModelMessage,
  Output,
  RetryError,
  type StepResult,
  stepCountIs,
  streamText,
  type ToolSet,
} from 'ai';
import { z } from 'zod';
import type { CallAgent, CallContext } from '../../call/call-agent.js';
import { CsError } from '../../domain/cs-error.js';
import type { Language } from '../../domain/language.js';
import type {
  ConversationTurn,
  GuardDecisionRecord,
  PermissionCheckRecord,
  Review,
} from '../../domain/session-schemas.js';
import { ReviewSchema } from '../../domain/session-schemas.js';
import { productNumbers } from '../../guard/product-numbers.js';
import { type GuardVerdict, guardReply } from '../../guard/reply-guard.js';
import { buildSystemPrompt } from './build-system-prompt.js';
import { silenceSdkWarnings } from './create-chat-model.js';
import { createLlmTools, createToolLog, type LlmToolLog } from './llm-tools.js';
import { joinSpoken, SpeechGate, spokenSeparator } from './speech-gate.js';

type OtherCustomer = { name: string; phone: string };

/** Options of the LLM agent; everything with side effects is passed in. */
export interface LlmAgentOptions {
  model: LanguageModel;
  /** Everyone in the store but the caller, for the guard (loaded once, on the first reply). */
  otherCustomers: () => Promise<OtherCustomer[]> | OtherCustomer[];
  /** The built-in agent's review, used when the model's review fails. */
  fallbackReview: (context: CallContext) => Promise<Review> | Review;
  /** Every guard decision (pass, retry, blocked), to be emitted as a `guard` event and saved. */
  onGuard: (decision: GuardDecisionRecord) => void;
  /** Retries after a failed provider request (429, 5xx, timeout, network); default 2, so 3 attempts. */
  maxRetries?: number;
  /** Waits between retries; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** First backoff delay in ms, doubled on each retry (default 1000). */
  retryDelayMs?: number;
  /** Time limit of one model step in ms (default 60 000). */
  stepTimeoutMs?: number;
  /** Tool-loop steps per draft (default 6). */
  maxSteps?: number;
  /** Told about each provider error (for --debug); the call carries on either way. */
  onProviderError?: (error: unknown, attempt: number) => void;
}

/**
 * The first back-off delay from `CS_LLM_RETRY_BASE_MS` (a whole number of ms), or undefined for
 * the default. Tests of the spawned CLI set it to 1 so provider failures do not wait real seconds.
 *
 * @example retryDelayFromEnv({ CS_LLM_RETRY_BASE_MS: '1' }) // 1
 */
export function retryDelayFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.CS_LLM_RETRY_BASE_MS?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) {
    throw new CsError(
      'E_CONFIG',
      `CS_LLM_RETRY_BASE_MS must be a whole number of milliseconds, not "${raw}".`,
    );
  }
  return Number(raw);
}

const SAFE_REPLY: Record<Language, string> = {
  zh: '抱歉，这个我需要再核实一下，稍后给您准确答复。',
  en: "Sorry, I need to double-check this. I'll get back to you with an accurate answer shortly.",
};

const TECHNICAL_PROBLEM: Record<Language, string> = {
  zh: '抱歉，系统这边暂时出了点技术问题，我没法马上回复您。通话没有中断，您可以稍后再说一遍。',
  en: "Sorry, we're having a technical problem on our side and I can't answer that right now. The call is still on; could you say that again in a moment?",
};

const DEFAULT_GREETING: Record<Language, string> = {
  zh: '您好，请问有什么可以帮您？',
  en: 'Hello, how can I help you today?',
};

/** The review as the model fills it: every field present (strict structured-output providers need that). */
const ReviewDraftSchema = z.object({
  resolution_status: z.enum(['resolved', 'partially_resolved', 'unresolved']),
  issue_summary: z.string().min(1),
  actions_taken: z.array(z.string()),
  follow_up_required: z.boolean(),
  customer_updates: z.object({
    name: z.string().nullable().describe("the caller's real name if they said it, else null"),
    communication_style: z.string().nullable(),
    issue_type: z.string().nullable(),
    preferences: z.string().nullable().describe('communication preferences, e.g. prefers text messages'),
    special_notes: z.string().nullable(),
  }),
});

/** A model's draft attempt that finished: its text and the messages (tool calls, results) behind it. */
interface Draft {
  text: string;
  responseMessages: ModelMessage[];
}

class TimeoutAbort extends Error {
  override readonly name = 'TimeoutError';
}

function isRetryable(error: unknown): boolean {
  if (RetryError.isInstance(error)) return isRetryable(error.lastError);
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    return error.isRetryable || status === 408 || status === 409 || status === 429 || (status ?? 0) >= 500;
  }
  // Timeouts arrive as DOMExceptions named TimeoutError or AbortError.
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  if (error instanceof Error) {
    // fetch() reports refused or reset connections as a TypeError with a system error as cause.
    if (error.name === 'TypeError' && /fetch failed|network|socket/i.test(error.message)) return true;
    const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
    if (
      typeof code === 'string' &&
      /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|EPIPE|UND_ERR)/.test(code)
    ) {
      return true;
    }
  }
  return false;
}

/** The server's Retry-After, when it sent one, in ms. */
function retryAfterMs(error: unknown): number | undefined {
  const source = RetryError.isInstance(error) ? error.lastError : error;
  if (!APICallError.isInstance(source)) return undefined;
  const headers = source.responseHeaders ?? {};
  const ms = Number(headers['retry-after-ms']);
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(headers['retry-after']);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  return undefined;
}

function stepsText(steps: ReadonlyArray<StepResult<ToolSet>>, language: Language): string {
  return steps.reduce((text, step) => joinSpoken(text, step.text.trim(), language), '');
}

/** The conversation as model messages, the caller's current words last; leading agent turns dropped. */
function toMessages(conversation: readonly ConversationTurn[], utterance: string): ModelMessage[] {
  const turns = [...conversation];
  const last = turns.at(-1);
  if (!(last?.role === 'customer' && last.content === utterance))
    turns.push({ role: 'customer', content: utterance });
  // The greeting is in the system prompt; providers want the caller to speak first.
  while (turns[0]?.role === 'agent') turns.shift();
  return turns.map((t) =>
    t.role === 'customer' ? { role: 'user', content: t.content } : { role: 'assistant', content: t.content },
  );
}

function note(input: { reason?: string; heard: string }): ModelMessage {
  const parts = ['[system note]'];
  if (input.reason) parts.push(`Your last draft was NOT said to the caller. Problem: ${input.reason}`);
  if (input.heard) {
    parts.push(`The caller has already heard: «${input.heard}». Continue from there without repeating it.`);
  }
  parts.push(
    input.reason
      ? 'Write your reply again without that problem. Use the tools if you need to: query before stating facts, check permission before saying anything is done.'
      : 'Continue your reply.',
  );
  return { role: 'user', content: parts.join(' ') };
}

/**
 * A check of several actions at once (退款50元然后注销账户) is decided by its strictest part, but
 * its approved parts are approvals too: each part is listed as a check of its own.
 */
function withParts(checks: readonly PermissionCheckRecord[]): PermissionCheckRecord[] {
  return checks.flatMap((check) => {
    const parts = (check as { parts?: unknown }).parts;
    if (!Array.isArray(parts) || parts.length < 2) return [check];
    const own = parts.flatMap((p: { text?: unknown; status?: unknown }) =>
      typeof p.text === 'string' && typeof p.status === 'string'
        ? [
            {
              action: p.text,
              status: p.status as PermissionCheckRecord['status'],
              rule: check.rule,
              reason: check.reason,
            },
          ]
        : [],
    );
    return [check, ...own];
  });
}

function reviewPrompt(context: CallContext): string {
  const transcript = context.conversation
    .map((t) => `${t.role === 'agent' ? 'Agent' : 'Customer'}: ${t.content}`)
    .join('\n');
  const queries = context.systemQueries.map(
    (q) => `- ${q.interface}: ${q.ok ? 'ok' : `failed (${q.error ?? ''})`}`,
  );
  const checks = context.permissionChecks.map((c) => `- "${c.action}": ${c.status}`);
  const tickets = context.tickets.map((t) => `- ${t.id} ${t.kind}: ${t.summary}`);
  const performed = (context.actionsPerformed ?? []).map((a) => `- ${a.action}: ${a.description}`);
  return [
    'Review this finished customer-service call.',
    context.coldStart
      ? 'The caller was not in our records (cold start): put what they told us about themselves (real name, communication style, preferences, special notes) in customer_updates.'
      : 'The caller is a known customer: in customer_updates put only what this call taught us that is new; use null for the rest.',
    `Write issue_summary and actions_taken in ${context.language === 'zh' ? 'Chinese' : 'English'}. actions_taken lists only what was really done (queries, approved actions, tickets), not what was merely discussed.`,
    'Answer with one JSON object, exactly these fields:',
    '{"resolution_status": "resolved" | "partially_resolved" | "unresolved", "issue_summary": string, "actions_taken": string[], "follow_up_required": boolean, "customer_updates": {"name": string|null, "communication_style": string|null, "issue_type": string|null, "preferences": string|null, "special_notes": string|null}}',
    '',
    'Transcript:',
    transcript || '(nothing was said)',
    '',
    'System queries:',
    queries.join('\n') || '(none)',
    'Permission checks:',
    checks.join('\n') || '(none)',
    'Actions carried out:',
    performed.join('\n') || '(none)',
    'Tickets:',
    tickets.join('\n') || '(none)',
    Object.keys(context.learned).length > 0
      ? `Learned during the call: ${JSON.stringify(context.learned)}`
      : '',
  ].join('\n');
}

function toReview(draft: z.infer<typeof ReviewDraftSchema>, context: CallContext): Review {
  const updates: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft.customer_updates)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    // Nothing to update when the record already says it.
    if (context.customer[key] === value.trim()) continue;
    updates[key] = value.trim();
  }
  return ReviewSchema.parse({ ...draft, customer_updates: updates });
}

/**
 * The LLM agent: the model speaks through tools that call the same engines as the built-in
 * agent, and a guard reads every draft before the caller hears it (one retry with the reason,
 * then a safe reply). Provider failures are retried with backoff and end in a polite
 * technical-problem reply, never an exception, so the call and its record stay intact.
 *
 * @example const agent = createLlmAgent({ model, otherCustomers, fallbackReview: (ctx) => rules.review(ctx), onGuard: emit })
 */
export function createLlmAgent(options: LlmAgentOptions): CallAgent {
  silenceSdkWarnings();
  const maxRetries = options.maxRetries ?? 2;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const stepTimeoutMs = options.stepTimeoutMs ?? 60_000;
  const maxSteps = options.maxSteps ?? 6;
  let others: Promise<OtherCustomer[]> | undefined;

  const loadOthers = (callerPhone: string): Promise<OtherCustomer[]> => {
    others ??= Promise.resolve()
      .then(() => options.otherCustomers())
      .then((list) => list.filter((c) => c.phone !== callerPhone))
      // Without the list the guard still stops phone numbers; a failed lookup must not end the call.
      .catch(() => []);
    return others;
  };

  /** Runs a provider request, retrying what is worth retrying, with exponential backoff. */
  async function withRetries<T>(
    run: (attempt: number) => Promise<T>,
    onFailedAttempt?: () => void,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return { ok: true, value: await run(attempt) };
      } catch (error) {
        onFailedAttempt?.();
        options.onProviderError?.(error, attempt);
        if (attempt >= maxRetries || !isRetryable(error)) return { ok: false, error };
        const backoff = retryDelayMs * 2 ** attempt;
        await sleep(Math.min(Math.max(backoff, retryAfterMs(error) ?? 0), 30_000));
      }
    }
  }

  async function draft(input: {
    system: string;
    messages: ModelMessage[];
    tools: ToolSet;
    language: Language;
    gate: SpeechGate | undefined;
  }): Promise<Draft> {
    const { system, tools, language, gate } = input;
    const common = { model: options.model, system, tools, maxRetries: 0, timeout: { stepMs: stepTimeoutMs } };
    let text: string;
    let responseMessages: ModelMessage[];
    if (gate) {
      const result = streamText({
        ...common,
        messages: input.messages,
        stopWhen: stepCountIs(maxSteps),
        timeout: { stepMs: stepTimeoutMs, chunkMs: stepTimeoutMs },
        // Errors are read from the stream below; the default handler would print them.
        onError: () => {},
      });
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') gate.push(part.text);
        else if (part.type === 'finish-step') gate.stepBoundary();
        else if (part.type === 'error') throw part.error;
        else if (part.type === 'abort') throw new TimeoutAbort('The model did not answer in time.');
      }
      text = gate.text.trim();
      responseMessages = (await result.response).messages;
    } else {
      const result = await generateText({
        ...common,
        messages: input.messages,
        stopWhen: stepCountIs(maxSteps),
      });
      text = stepsText(result.steps, language);
      responseMessages = result.response.messages;
    }
    if (text === '') {
      // A model that spent every step on tools still owes the caller an answer: one step, no tools.
      const followUp = [...input.messages, ...responseMessages];
      if (gate) {
        const result = streamText({ ...common, messages: followUp, toolChoice: 'none', onError: () => {} });
        for await (const part of result.fullStream) {
          if (part.type === 'text-delta') gate.push(part.text);
          else if (part.type === 'error') throw part.error;
          else if (part.type === 'abort') throw new TimeoutAbort('The model did not answer in time.');
        }
        text = gate.text.trim();
        responseMessages = [...responseMessages, ...(await result.response).messages];
      } else {
        const result = await generateText({ ...common, messages: followUp, toolChoice: 'none' });
        text = result.text.trim();
        responseMessages = [...responseMessages, ...result.response.messages];
      }
    }
    return { text, responseMessages };
  }

  return {
    kind: 'llm',

    async greet(context) {
      const greeting = context.operator.greeting;
      return typeof greeting === 'string' && greeting.trim() !== ''
        ? greeting.trim()
        : DEFAULT_GREETING[context.language];
    },

    async reply(context, utterance, replyOptions) {
      const language = context.language;
      const onDelta = replyOptions?.onDelta;
      const log: LlmToolLog = createToolLog();
      const tools = createLlmTools({ tools: context.tools, callerPhone: context.phone, log });
      const system = buildSystemPrompt(context);
      const base = toMessages(context.conversation, utterance);
      const otherCustomers = await loadOthers(context.phone);
      const allowedNumbers = productNumbers(context.product);
      const customerUtterances = [
        ...context.conversation.filter((t) => t.role === 'customer').map((t) => t.content),
        utterance,
      ];
      const callerNames = [context.customer.name, context.learned.name].filter(
        (n): n is string => typeof n === 'string',
      );
      const guard = (text: string): GuardVerdict =>
        guardReply({
          draft: text,
          language,
          callerPhone: context.phone,
          callerNames,
          permissionChecks: withParts([...context.permissionChecks, ...log.permissionChecks]),
          systemQueries: [...context.systemQueries, ...log.systemQueries],
          customerUtterances,
          otherCustomers,
          allowedNumbers,
        });

      // What the caller has heard of this turn so far (only when streaming).
      let heard = '';
      const say = (text: string): string => {
        if (onDelta) onDelta(spokenSeparator(heard, language) + text);
        return joinSpoken(heard, text, language);
      };

      let retry: { reason: string; messages: ModelMessage[] } | undefined;
      for (let round = 0; round < 2; round++) {
        let gate: SpeechGate | undefined;
        const result = await withRetries(
          () => {
            const messages = [...base, ...(retry?.messages ?? [])];
            if (retry || heard) messages.push(note({ ...(retry ? { reason: retry.reason } : {}), heard }));
            gate = onDelta
              ? new SpeechGate({
                  emit: onDelta,
                  check: (t) => guard(t).ok,
                  language,
                  lead: spokenSeparator(heard, language),
                })
              : undefined;
            return draft({ system, messages, tools, language, gate });
          },
          () => {
            // A stream that broke off mid-reply was partly heard: keep it, continue after it.
            if (gate && gate.emitted !== '') heard = joinSpoken(heard, gate.emitted, language);
          },
        );
        if (!result.ok) return say(TECHNICAL_PROBLEM[language]);

        const { text, responseMessages } = result.value;
        const verdict: { ok: true } | { ok: false; rule: string; detail: string } =
          text === ''
            ? { ok: false, rule: 'empty_reply', detail: 'The draft had no text for the caller.' }
            : guard(text);
        if (verdict.ok) {
          gate?.finish();
          options.onGuard({
            rule: 'reply_guard',
            outcome: 'pass',
            detail: round === 0 ? 'No violation found.' : 'No violation found after one retry.',
          });
          return joinSpoken(heard, text, language);
        }
        if (gate && gate.emitted !== '') heard = joinSpoken(heard, gate.emitted, language);
        if (round === 0) {
          options.onGuard({ rule: verdict.rule, outcome: 'retry', detail: verdict.detail });
          retry = { reason: verdict.detail, messages: responseMessages };
          continue;
        }
        options.onGuard({ rule: verdict.rule, outcome: 'blocked', detail: verdict.detail });
      }
      return say(SAFE_REPLY[language]);
    },

    async review(context) {
      try {
        const result = await withRetries(() =>
          generateText({
            model: options.model,
            system:
              'You write the end-of-call review of a customer-service call as JSON. Report only what the transcript and records show.',
            prompt: reviewPrompt(context),
            output: Output.object({ schema: ReviewDraftSchema, name: 'call_review' }),
            maxRetries: 0,
            timeout: { stepMs: stepTimeoutMs },
          }),
        );
        if (result.ok) return toReview(result.value.output, context);
      } catch {
        // Falls through to the built-in review below.
      }
      return options.fallbackReview(context);
    },
  };
}
