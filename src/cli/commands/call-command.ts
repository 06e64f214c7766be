import { isAbsolute } from 'node:path';
import { createInterface } from 'node:readline';
import { styleText } from 'node:util';
import { prepareAgent } from '../../agent/choose-agent.js';
import { journalCall } from '../../call/call-journal-record.js';
import { CallSession } from '../../call/call-session.js';
import { parseSessionTag, saveCall } from '../../call/finish-call.js';
import { interruptedReview } from '../../call/recover-calls.js';
import { runConversation } from '../../call/run-call.js';
import { type CallerRef, startCall } from '../../call/start-call.js';
import { CsError } from '../../domain/cs-error.js';
import type { Language } from '../../domain/language.js';
import { isValidPhone, normalizePhone } from '../../domain/phone.js';
import type { CallEvent, Review } from '../../domain/session-schemas.js';
import {
  renderCallEndBlock,
  renderCallStartBlock,
  renderReviewBlock,
  renderTicketLine,
} from '../../render/call-blocks.js';
import { escapeControlChars } from '../../render/escape-control-chars.js';
import { renderPermissionBlock } from '../../render/permission-block.js';
import { renderSystemQueryBlock } from '../../render/system-query-block.js';
import type { RecordStore } from '../../store/record-store.js';
import { createSystemBackend } from '../../systems/index.js';
import type { CliContext } from '../cli-context.js';
import { cachedCompileRules } from '../compiled-rules-cache.js';

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
  const participants = await startCall({
    store,
    product: options.product,
    operator: options.operator,
    // In a terminal an operator who named no caller is asked, as the seed does; elsewhere the
    // missing flag stays a usage error (startCall says which flags).
    caller:
      callerRef(options) ??
      (ctx.isTerminal && options.product && options.operator ? await askCaller(ctx) : undefined),
  });
  const session = new CallSession({
    participants,
    backend: createSystemBackend({ store, env: ctx.env }),
    language: options.lang,
    // Approvals are single-use grants in the store, so limits add up across the customer's calls.
    grants: store,
    // The file store's folder keeps compiled rules for the next call (PostgreSQL: compiled each time).
    compileRules: cachedCompileRules(isAbsolute(store.location) ? store.location : undefined),
  });
  const agent = await makeAgent({
    store,
    customer: participants.customer,
    onGuard: (d) => session.addGuardDecision(d),
  });

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
  session.onEvent(sink);
  sink(session.startedEvent());
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

  // Every change to the call is journaled as it happens: a call cut short by a signal, a crash
  // or an outage of the database is saved, by this process or by the next command.
  const journal = await journalCall({ store, session, agent: agent.kind, ...(tag ? { tag } : {}) });
  const stopTellingWaits = tellCallerWhileStoreWaits(store, session);
  const save = async (review: Review) => {
    sink({ type: 'session_ended', review });
    await journal.flush().catch(() => undefined);
    const saved = await saveCall({
      store,
      ...participants,
      record: session.record,
      review,
      agent: agent.kind,
      callId: session.callId,
      ...(tag ? { tag } : {}),
    }).catch((error: unknown) => {
      throw unsavedCall(error, session.callId);
    });
    sink({ type: 'session_saved', session_id: saved.sessionId, path: saved.path });
    if (saved.customerPending) {
      ctx.note(
        `cs: 客户记录正忙，通话已保存；历史记录将由下一个命令补上 · the customer record is busy: the call is saved and its history entry is added by the next command (or cs recover).`,
      );
    }
  };

  const rl = createInterface({ input: ctx.stdin, terminal, ...(terminal ? { output: ctx.stdout } : {}) });
  const interrupted = saveOnSignal(rl, async () => {
    rl.close();
    await save(interruptedReview(structuredClone(session.record)));
  });
  try {
    const review = await runConversation({
      session,
      agent,
      lines: terminal ? promptedLines(rl, session) : rl,
      ...(onDelta ? { onDelta } : {}),
    });
    rl.close();
    if (interrupted.fired) return interrupted.done;
    interrupted.dispose();
    await save(review);
  } finally {
    stopTellingWaits();
    await journal.close();
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

/**
 * While the database is unreachable and retried, the caller hears one short line (at most every
 * 10 s) instead of silence; the call goes on when it is back.
 */
function tellCallerWhileStoreWaits(store: RecordStore, session: CallSession): () => void {
  if (!store.onStoreWait) return () => undefined;
  let told = 0;
  return store.onStoreWait(() => {
    if (Date.now() - told < 10_000) return;
    told = Date.now();
    session.addAgentTurn(
      session.record.language === 'en' ? 'The system is busy, please hold on.' : '系统繁忙，请稍候。',
    );
  });
}

/** A save that failed: the call stays in its journal and the next command saves it. */
function unsavedCall(error: unknown, callId: string): CsError {
  const code = CsError.isInstance(error) ? error.code : 'E_INTERNAL';
  const why = error instanceof Error ? error.message : String(error);
  return new CsError(
    code === 'E_UPSTREAM' || code === 'E_LOCKED' ? code : 'E_INTERNAL',
    `通话 ${callId} 暂未保存，已记入通话日志，下一个命令（或 cs recover）会保存它 · the call is kept in its journal and saved by the next command (or cs recover): ${why}`,
    { cause: error },
  );
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

/** Renders events as the seed's blocks; coloured in a terminal. */
function humanSink(
  session: CallSession,
  write: (text: string) => void,
  terminal: boolean,
  stream: { active: boolean },
) {
  const color = (style: Parameters<typeof styleText>[0], text: string) =>
    terminal ? styleText(style, text) : text;
  return (event: CallEvent) => {
    const lang = session.record.language;
    switch (event.type) {
      case 'session_started':
        write(color('bold', renderCallStartBlock(event, lang)));
        break;
      case 'customer':
        // In a terminal the caller's line is already on screen.
        if (!terminal) write(`${lang === 'en' ? 'Customer' : '客户'}: ${escapeControlChars(event.content)}`);
        break;
      case 'agent':
        if (stream.active) write('');
        else
          write(
            color(
              'green',
              `${lang === 'en' ? 'Agent' : '客服'}: ${escapeControlChars(event.content, { multiline: true })}`,
            ),
          );
        stream.active = false;
        break;
      case 'system_query':
        write(color('cyan', renderSystemQueryBlock(event, { lang, phone: session.participants.phone })));
        break;
      case 'permission_check':
        write(
          color(
            event.status === 'can_approve_immediately'
              ? 'green'
              : event.status === 'forbidden'
                ? 'red'
                : 'yellow',
            renderPermissionBlock(
              {
                action: event.action,
                status: event.status,
                rule: event.rule,
                reason: event.reason,
                parts: [],
              },
              { lang, sla: String(session.participants.product.sla ?? '') },
            ),
          ),
        );
        break;
      case 'ticket':
        write(color('yellow', renderTicketLine(event, lang)));
        break;
      case 'guard':
        if (event.outcome !== 'pass')
          write(
            color('magenta', escapeControlChars(`[guard] ${event.rule}: ${event.outcome} (${event.detail})`)),
          );
        break;
      case 'session_ended':
        write(color('bold', renderCallEndBlock(lang)));
        write(renderReviewBlock(event.review, lang));
        break;
      case 'session_saved':
        write(escapeControlChars(lang === 'en' ? `Saved: ${event.path}` : `已保存: ${event.path}`));
        break;
    }
  };
}
