import { createInterface } from 'node:readline';
import { styleText } from 'node:util';
import { prepareAgent } from '../../agent/choose-agent.js';
import type { CallSession } from '../../call/call-session.js';
import { parseSessionTag } from '../../call/finish-call.js';
import { PlacedCall } from '../../call/place-call.js';
import type { CallerRef } from '../../call/start-call.js';
import { CsError } from '../../domain/cs-error.js';
import type { Language } from '../../domain/language.js';
import { isValidPhone, normalizePhone } from '../../domain/phone.js';
import type { CallEvent, Review } from '../../domain/session-schemas.js';
import { type EventTone, renderCallEvent } from '../../render/call-event.js';
import { escapeControlChars } from '../../render/escape-control-chars.js';
import type { CliContext } from '../cli-context.js';

export interface CallOptions {
  product?: string;
  operator?: string;
  phone?: string;
  customer?: string;
  new?: boolean;
  agent: 'auto' | 'rules' | 'llm';
  lang: Language;
  jsonl?: boolean;
  sessionId?: string;
  claudeSession?: string;
  llmProvider?: string;
  llmModel?: string;
  llmBaseUrl?: string;
}

/** Exactly one way of naming the caller. */
export function callerRef(options: {
  phone?: string;
  customer?: string;
  new?: boolean;
}): CallerRef | undefined {
  const given = [options.phone !== undefined, options.customer !== undefined].filter(Boolean).length;
  if (given > 1) throw new CsError('E_USAGE', 'Give either --phone or --customer, not both.');
  if (options.customer !== undefined) return { customer: options.customer };
  if (options.phone !== undefined) return { phone: options.phone };
  if (options.new) return { new: true };
  return undefined;
}

/** Asks for the caller's phone at the terminal; empty means a new caller without a number. */
async function askCaller(ctx: CliContext): Promise<CallerRef> {
  const { createInterface: createPrompt } = await import('node:readline/promises');
  const rl = createPrompt({ input: ctx.stdin, output: ctx.stdout });
  try {
    for (;;) {
      const answer = (await rl.question("来电号码 Caller's phone (empty for unknown): ")).trim();
      if (answer === '') return { new: true };
      if (isValidPhone(normalizePhone(answer))) return { phone: answer };
      ctx.stdout.write('  不是电话号码 (5 到 20 位数字) · not a phone number (5 to 20 digits)\n');
    }
  } finally {
    rl.close();
  }
}

/** `cs call`: a whole call, from the start block to the saved session. */
export async function callCommand(ctx: CliContext, options: CallOptions): Promise<number | undefined> {
  if (options.sessionId && options.claudeSession && options.sessionId !== options.claudeSession) {
    throw new CsError('E_USAGE', '--session-id and --claude-session name the same thing; give one.');
  }
  // Checked before anything is written: a bad tag must not leave a half-made call behind.
  const tag = options.sessionId ?? options.claudeSession;
  if (tag !== undefined) parseSessionTag(tag);
  const makeAgent = await prepareAgent({
    kind: options.agent,
    env: ctx.env,
    flags: {
      ...(options.llmProvider ? { provider: options.llmProvider } : {}),
      ...(options.llmModel ? { model: options.llmModel } : {}),
      ...(options.llmBaseUrl ? { baseUrl: options.llmBaseUrl } : {}),
    },
  });
  const store = await ctx.store();
  const call = await PlacedCall.open({
    store,
    env: ctx.env,
    makeAgent,
    product: options.product,
    operator: options.operator,
    // In a terminal an operator who named no caller is asked, as the seed does; elsewhere the
    // missing flag stays a usage error (startCall says which flags).
    caller:
      callerRef(options) ??
      (ctx.isTerminal && options.product && options.operator ? await askCaller(ctx) : undefined),
    language: options.lang,
    ...(tag ? { tag } : {}),
  });
  const { session, agent } = call;

  const terminal = ctx.isTerminal && !options.jsonl;
  const write = (text: string) => ctx.stdout.write(`${text}\n`);
  // In a terminal an LLM reply streams sentence by sentence (each one already passed the guard);
  // its `agent` event then only ends the line.
  const stream = { active: false };
  const onDelta =
    terminal && agent.kind === 'llm'
      ? (text: string) => {
          if (!stream.active)
            ctx.stdout.write(styleText('green', session.record.language === 'en' ? 'Agent: ' : '客服: '));
          stream.active = true;
          ctx.stdout.write(styleText('green', escapeControlChars(text, { multiline: true })));
        }
      : undefined;
  const sink = options.jsonl
    ? (event: CallEvent) => write(JSON.stringify(event))
    : humanSink(session, write, terminal, stream);
  // Every change to the call is journaled as it happens: a call cut short by a signal, a crash
  // or an outage of the database is saved, by this process or by the next command.
  await call.begin(sink);
  if (terminal) {
    write(
      styleText(
        'dim',
        options.lang === 'en'
          ? '(Type what the caller says and press Enter; "end call" ends the call.)'
          : '（输入客户说的话后回车；输入“结束通话”结束通话）',
      ),
    );
  }

  const save = async (review: Review | undefined) => {
    const saved = review === undefined ? await call.saveInterrupted() : await call.save(review);
    if (saved.customerPending) {
      ctx.note(
        `cs: 客户记录正忙，通话已保存；历史记录将由下一个命令补上 · the customer record is busy: the call is saved and its history entry is added by the next command (or cs recover).`,
      );
    }
  };

  const rl = createInterface({ input: ctx.stdin, terminal, ...(terminal ? { output: ctx.stdout } : {}) });
  const interrupted = saveOnSignal(rl, async () => {
    rl.close();
    await save(undefined);
  });
  try {
    const review = await call.converse(terminal ? promptedLines(rl, session) : rl, {
      ...(onDelta ? { onDelta } : {}),
    });
    rl.close();
    if (interrupted.fired) return interrupted.done;
    interrupted.dispose();
    await save(review);
  } finally {
    await call.close();
  }
  return undefined;
}

/** Signals that end a call; each saves it as `interrupted` and exits with 128 + its number. */
const CALL_SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * On INT, TERM or HUP (Ctrl-C at the prompt included) the call is saved at once as
 * `interrupted`, then the process exits 128 + the signal's number.
 */
function saveOnSignal(
  rl: ReturnType<typeof createInterface>,
  saveInterrupted: () => Promise<void>,
): { fired: boolean; done: Promise<number | undefined>; dispose(): void } {
  const state = {
    fired: false,
    done: new Promise<number | undefined>(() => undefined),
    dispose() {
      for (const [name, handler] of handlers) process.off(name, handler);
      rl.off('SIGINT', onRlInterrupt);
    },
  };
  const fire = (signal: keyof typeof CALL_SIGNALS) => {
    if (state.fired) return;
    state.fired = true;
    const code = 128 + CALL_SIGNALS[signal];
    state.done = saveInterrupted().then(
      () => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`cs: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(code);
      },
    );
  };
  const handlers = (Object.keys(CALL_SIGNALS) as Array<keyof typeof CALL_SIGNALS>).map(
    (name) => [name, () => fire(name)] as const,
  );
  for (const [name, handler] of handlers) process.on(name, handler);
  const onRlInterrupt = () => fire('SIGINT');
  rl.on('SIGINT', onRlInterrupt);
  return state;
}

/** Reads lines at a prompt in a terminal (line editing comes with readline). */
async function* promptedLines(
  rl: ReturnType<typeof createInterface>,
  session: CallSession,
): AsyncIterable<string> {
  const label = () => (session.record.language === 'en' ? 'Customer> ' : '客户> ');
  rl.setPrompt(label());
  rl.prompt();
  for await (const line of rl) {
    yield line;
    rl.setPrompt(label());
    rl.prompt();
  }
}

/** Terminal colours of the blocks' tones. */
const TONE_STYLE: Record<EventTone, Parameters<typeof styleText>[0] | undefined> = {
  bold: 'bold',
  plain: undefined,
  agent: 'green',
  query: 'cyan',
  approved: 'green',
  refused: 'red',
  pending: 'yellow',
  guard: 'magenta',
};

/** Renders events as the seed's blocks; coloured in a terminal. */
function humanSink(
  session: CallSession,
  write: (text: string) => void,
  terminal: boolean,
  stream: { active: boolean },
) {
  return (event: CallEvent) => {
    // In a terminal the caller's line is already on screen; a streamed reply only ends its line.
    if (event.type === 'customer' && terminal) return;
    if (event.type === 'agent' && stream.active) {
      stream.active = false;
      write('');
      return;
    }
    const shown = renderCallEvent(event, {
      language: session.record.language,
      phone: session.participants.phone,
      sla: String(session.participants.product.sla ?? ''),
    });
    if (!shown) return;
    const style = TONE_STYLE[shown.tone];
    write(terminal && style ? styleText(style, shown.text) : shown.text);
  };
}
