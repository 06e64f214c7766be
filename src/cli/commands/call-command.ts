import { createInterface } from 'node:readline';
import { styleText } from 'node:util';
import type { Language } from '../../agent/call-agent.js';
import { prepareAgent } from '../../agent/choose-agent.js';
import { CallSession } from '../../call/call-session.js';
import { parseSessionTag, saveCall } from '../../call/finish-call.js';
import { runConversation } from '../../call/run-call.js';
import { type CallerRef, startCall } from '../../call/start-call.js';
import { CsError } from '../../domain/cs-error.js';
import type { CallEvent } from '../../domain/session-schemas.js';
import {
  renderCallEndBlock,
  renderCallStartBlock,
  renderReviewBlock,
  renderTicketLine,
} from '../../render/call-blocks.js';
import { renderPermissionBlock } from '../../render/permission-block.js';
import { renderSystemQueryBlock } from '../../render/system-query-block.js';
import { createSystemBackend } from '../../systems/index.js';
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
    caller: callerRef(options),
  });
  const session = new CallSession({
    participants,
    backend: createSystemBackend({ store, env: ctx.env }),
    language: options.lang,
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
          ctx.stdout.write(styleText('green', text));
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

  const rl = createInterface({ input: ctx.stdin, terminal, ...(terminal ? { output: ctx.stdout } : {}) });
  const review = await runConversation({
    session,
    agent,
    lines: terminal ? promptedLines(rl, session) : rl,
    ...(onDelta ? { onDelta } : {}),
  });
  rl.close();
  sink({ type: 'session_ended', review });
  const saved = await saveCall({
    store,
    product: participants.product,
    operator: participants.operator,
    customer: participants.customer,
    phone: participants.phone,
    record: session.record,
    review,
    agent: agent.kind,
    ...(tag ? { tag } : {}),
  });
  sink({ type: 'session_saved', session_id: saved.sessionId, path: saved.path });
  return undefined;
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
        if (!terminal) write(`${lang === 'en' ? 'Customer' : '客户'}: ${event.content}`);
        break;
      case 'agent':
        if (stream.active) write('');
        else write(color('green', `${lang === 'en' ? 'Agent' : '客服'}: ${event.content}`));
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
          write(color('magenta', `[guard] ${event.rule}: ${event.outcome} (${event.detail})`));
        break;
      case 'session_ended':
        write(color('bold', renderCallEndBlock(lang)));
        write(renderReviewBlock(event.review, lang));
        break;
      case 'session_saved':
        write(lang === 'en' ? `Saved: ${event.path}` : `已保存: ${event.path}`);
        break;
    }
  };
}
