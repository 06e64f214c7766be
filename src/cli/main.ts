import { Command, CommanderError, Option } from 'commander';
import { CsError } from '../domain/cs-error.js';
import { escapeControlChars } from '../render/escape-control-chars.js';
import { type CliContext, collectParam, createCliContext, type GlobalOptions } from './cli-context.js';

/** Injected by scripts/build.mjs from package.json. */
declare const __CS_VERSION__: string | undefined;
const CS_VERSION = typeof __CS_VERSION__ === 'string' ? __CS_VERSION__ : 'dev';

type Handler = (ctx: CliContext, ...args: never[]) => Promise<number | undefined>;

/**
 * Wraps a lazily imported handler: commands load their code (and heavy dependencies) only when
 * run, so `cs read` never pays for the call agent, the LLM SDK or MCP.
 */
function lazy<A extends unknown[]>(
  load: () => Promise<(ctx: CliContext, ...args: A) => Promise<number | undefined>>,
) {
  return async (...raw: unknown[]) => {
    const cmd = raw[raw.length - 1] as Command;
    const args = raw.slice(0, -1) as A;
    const ctx = createCliContext(cmd.optsWithGlobals() as GlobalOptions);
    try {
      const handler = await load();
      const code = await handler(ctx, ...args);
      if (code) process.exitCode = code;
    } finally {
      await ctx.closeStore();
    }
  };
}

/** `--call <id>`: the live call, named `call_id` everywhere (DESIGN.md). */
function callIdOption(description: string, required = false): Option {
  const option = new Option('--call <id>', description);
  if (required) option.description += ' (required)';
  return option;
}

/** `--session <id>`, the old name of `--call`: still accepted, with a note. */
function deprecatedSessionOption(): Option {
  return new Option('--session <id>', 'deprecated: use --call').hideHelp();
}

/**
 * One name for the live call: `--call` wins; the old `--session` is accepted with a note on
 * stderr. Handlers read the id as `session` (the name the commands have always used inside).
 */
function resolveCallOption(command: Command): void {
  const has = command.options.some((o) => o.long === '--call');
  if (!has) return;
  const opts = command.opts<{ call?: string; session?: string }>();
  if (opts.session !== undefined && opts.call === undefined) {
    process.stderr.write('cs: --session is deprecated; use --call (the live call id)\n');
  }
  const id = opts.call ?? opts.session;
  if (id !== undefined) command.setOptionValue('session', id);
  else if (command.options.some((o) => o.long === '--call' && o.description.endsWith('(required)'))) {
    throw new CsError(
      'E_USAGE',
      `\`cs ${command.parent?.name()} ${command.name()}\` needs --call <id> (from \`cs session start\`).`,
    );
  }
}

function buildProgram(): Command {
  const program = new Command('cs')
    .description('客服系统 Customer-service system: records, verified calls, permission control')
    .option(
      '--db <dir|url>',
      'database folder or postgres:// URL (else CS_DB / CS_DATABASE_URL / nearest .ezagent)',
    )
    .option('--json', 'machine-readable output on stdout')
    .option('--debug', 'show stack traces on errors')
    .version(CS_VERSION, '-v, --version', 'print the version')
    // Set before the subcommands are added, which copy it: a parse error is reported once, as
    // one `cs:` line, by reportError.
    .configureOutput({ outputError: () => undefined })
    .exitOverride()
    .hook('preAction', (_program, action) => resolveCallOption(action));

  const recordType = 'product | customer | operator';

  program
    .command('create <type>')
    .description(`create a record (${recordType}); prompts for fields in a terminal`)
    .option('--data <json>', 'the record as JSON')
    .option('--file <path>', 'read the record JSON from a file')
    .option('--mock', 'generate realistic records')
    .option('--count <n>', 'how many mock records (up to 1000000, written in batches of 1000)', '1')
    .option('--seed <s>', 'seed for mock generation (same seed, same records)')
    .option('--lang <zh|en>', 'language of mock records', 'zh')
    .action(lazy(async () => (await import('./commands/records-commands.js')).createCommand));

  for (const [name, desc] of [
    ['read', 'read one record'],
    ['update', 'update a record (top-level merge)'],
    ['delete', 'delete a record (recoverable with `cs restore`)'],
  ] as const) {
    const c = program
      .command(`${name} <type>`)
      .description(`${desc} (${recordType})`)
      .option('--name <name>', 'exact or unique partial name')
      .option('--id <id>', 'record id');
    c.option('--phone <phone>', 'customer phone (customers only)');
    if (name === 'update') c.requiredOption('--updates <json>', 'fields to set, as JSON');
    if (name === 'delete') {
      c.option('--force', 'delete even if saved call history names it');
      c.option('--yes', 'do not ask for confirmation in a terminal');
    }
    c.action(
      lazy(async () =>
        name === 'read'
          ? (await import('./commands/records-read-commands.js')).readCommand
          : (await import('./commands/records-commands.js'))[`${name}Command`],
      ),
    );
  }

  program
    .command('restore [ref]')
    .description('restore a deleted record by trash id, record id or name (lists the trash without one)')
    .action(lazy(async () => (await import('./commands/records-commands.js')).restoreCommand));

  program
    .command('list')
    .description('list records')
    .addOption(new Option('--type <type>', 'only this type').choices(['product', 'customer', 'operator']))
    .option('--verbose', 'show every field')
    .action(lazy(async () => (await import('./commands/records-read-commands.js')).listCommand));

  program
    .command('permit')
    .description('check an action against a product’s permission rules (权限检查)')
    .option('--product <name>', 'product name or id (comes from the live session with --session)')
    .requiredOption('--action <text>', 'the requested action, e.g. 退款200元')
    .addOption(callIdOption('record the check into a live call'))
    .addOption(deprecatedSessionOption())
    .addOption(new Option('--lang <lang>', 'block language').choices(['zh', 'en']))
    .action(lazy(async () => (await import('./commands/engine-commands.js')).permitCommand));

  program
    .command('query')
    .description('query a product system interface for a caller (系统查询)')
    .option('--product <name>', 'product name or id')
    .option('--phone <phone>', 'caller phone')
    .option('--interface <name>', 'interface name from api_interfaces')
    .option('--endpoint <path>', 'endpoint path, matched against the interface templates')
    .option('--param <k=v>', 'a parameter (repeatable)', collectParam)
    .addOption(callIdOption('record the query into a live call (product and phone come from it)'))
    .addOption(deprecatedSessionOption())
    .addOption(new Option('--lang <lang>', 'block language').choices(['zh', 'en']))
    .action(lazy(async () => (await import('./commands/engine-commands.js')).queryCommand));

  const mock = program.command('mock').description('mock backend state');
  mock
    .command('set')
    .description('fix the response of an interface for a caller')
    .requiredOption('--product <name>', 'product name or id')
    .requiredOption('--phone <phone>', 'caller phone')
    .requiredOption('--interface <name>', 'interface name')
    .requiredOption('--response <json>', 'the response JSON')
    .action(lazy(async () => (await import('./commands/engine-commands.js')).mockSetCommand));
  mock
    .command('show')
    .description('print the mock backend state')
    .option('--product <name>', 'product name or id')
    .option('--phone <phone>', 'caller phone')
    .action(lazy(async () => (await import('./commands/engine-commands.js')).mockShowCommand));
  program
    .command('mock-server')
    .description('serve the mock backend over HTTP on 127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', '8787')
    .option('--any-caller', 'answer for any phone, not only the customers in the database')
    .action(lazy(async () => (await import('./commands/engine-commands.js')).mockServerCommand));

  program
    .command('call')
    .description('run a whole customer-service call (客服通话)')
    .option('--product <name>', 'product name or id')
    .option('--operator <name>', 'operator strategy name or id')
    .option('--phone <phone>', 'caller phone (unknown numbers become cold-start customers)')
    .option('--customer <name>', 'caller by customer name')
    .option('--new', 'a new caller without a phone')
    .addOption(new Option('--agent <kind>', 'who speaks').choices(['auto', 'rules', 'llm']).default('auto'))
    .addOption(new Option('--lang <lang>', 'call language').choices(['zh', 'en']).default('zh'))
    .option('--jsonl', 'write JSON events to stdout, one per line')
    .option('--session-id <id>', 'the assistant session id used in the saved id')
    .option('--claude-session <id>', 'alias of --session-id (seed)')
    .option('--llm-provider <p>', 'openai-compatible | openai | anthropic (else CS_LLM_PROVIDER)')
    .option('--llm-model <m>', 'model name (else CS_LLM_MODEL)')
    .option('--llm-base-url <url>', 'base URL (else CS_LLM_BASE_URL)')
    .action(lazy(async () => (await import('./commands/call-command.js')).callCommand));

  const session = program.command('session').description('calls driven one command at a time');
  session
    .command('save')
    .description('save a finished call (the seed’s save_session)')
    .option('--claude-session <id>', 'assistant session id')
    .option('--session-id <id>', 'assistant session id')
    .requiredOption('--product <name>', 'product name')
    .requiredOption('--customer <name>', 'customer name (or phone)')
    .requiredOption('--operator <name>', 'operator name')
    .requiredOption('--review <json>', 'review JSON')
    .requiredOption('--conversation <json>', 'conversation JSON array')
    .option('--update-customer <json>', 'fields learned about the customer')
    .action(lazy(async () => (await import('./commands/session-commands.js')).sessionSaveCommand));
  session
    .command('start')
    .description('start a live call session')
    .option('--product <name>', 'product name or id')
    .option('--operator <name>', 'operator strategy name or id')
    .option('--phone <phone>', 'caller phone')
    .option('--customer <name>', 'caller by customer name')
    .option('--new', 'a new caller without a phone')
    .addOption(new Option('--lang <lang>', 'call language').choices(['zh', 'en']).default('zh'))
    .option('--claude-session <id>', 'assistant session id')
    .option('--session-id <id>', 'assistant session id')
    .action(lazy(async () => (await import('./commands/session-commands.js')).sessionStartCommand));
  session
    .command('turn')
    .description('record one turn of a live session')
    .addOption(callIdOption('the live call id (call_…) from `cs session start`', true))
    .addOption(deprecatedSessionOption())
    .addOption(new Option('--role <role>', 'who spoke').choices(['customer', 'agent']).makeOptionMandatory())
    .requiredOption('--content <text>', 'what was said')
    .action(lazy(async () => (await import('./commands/session-commands.js')).sessionTurnCommand));
  session
    .command('act')
    .description('carry out an action this live session approved (changes the backend state)')
    .addOption(callIdOption('the live call id (call_…) from `cs session start`', true))
    .addOption(deprecatedSessionOption())
    .requiredOption('--action <text>', 'the action exactly as approved by `cs permit --session`')
    .action(lazy(async () => (await import('./commands/session-commands.js')).sessionActCommand));
  session
    .command('ticket')
    .description('open a ticket (工单) in a live session')
    .addOption(callIdOption('the live call id (call_…) from `cs session start`', true))
    .addOption(deprecatedSessionOption())
    .addOption(
      new Option('--kind <kind>', 'the outcome it is for')
        .choices(['requires_supervisor', 'requires_process'])
        .makeOptionMandatory(),
    )
    .requiredOption('--summary <text>', 'what it is about')
    .action(lazy(async () => (await import('./commands/session-commands.js')).sessionTicketCommand));
  session
    .command('end')
    .description('end a live session and save it')
    .addOption(callIdOption('the live call id (call_…) from `cs session start`', true))
    .addOption(deprecatedSessionOption())
    .option('--review <json>', 'review JSON (made from the record when omitted)')
    .option('--update-customer <json>', 'fields learned about the customer')
    .action(lazy(async () => (await import('./commands/session-commands.js')).sessionEndCommand));
  session
    .command('list')
    .description('list sessions (live ones with --live)')
    .option('--live', 'live sessions not yet ended')
    .action(lazy(async () => (await import('./commands/session-commands.js')).sessionListCommand));

  const history = program.command('history').description('saved call history');
  history
    .command('list')
    .description('list saved sessions')
    .option('--date <date>', 'one day: YYYYMMDD or YYYY-MM-DD')
    .option('--since <date>', 'from this day on (YYYYMMDD or YYYY-MM-DD)')
    .option('--until <date>', 'up to this day (YYYYMMDD or YYYY-MM-DD)')
    .option('--customer <text>', 'part of the customer’s name, their id, or (part of) their phone')
    .option('--product <text>', 'part of the product’s name, or its id')
    .addOption(
      new Option('--status <status>', 'review resolution status').choices([
        'resolved',
        'partially_resolved',
        'unresolved',
        'interrupted',
      ]),
    )
    .option('--limit <n>', 'the newest n sessions (default 100; 0 for all)')
    .action(lazy(async () => (await import('./commands/history-commands.js')).historyListCommand));
  history
    .command('show <session_id>')
    .description('show one saved session')
    .action(lazy(async () => (await import('./commands/history-commands.js')).historyShowCommand));

  program
    .command('mcp')
    .description('serve the MCP tools over stdio for AI assistants')
    .option('--admin', 'let the tools read every customer, not only the callers of live calls')
    .action(lazy(async () => (await import('./commands/assistant-commands.js')).mcpCommand));
  const skill = program.command('skill').description('the skill text for AI assistants');
  skill
    .command('install')
    .description('copy skill/ where an assistant looks for skills')
    .option('--dir <dir>', 'target folder', '.claude/skills/customer-service')
    .action(lazy(async () => (await import('./commands/assistant-commands.js')).skillInstallCommand));

  program
    .command('eval <suite>')
    .description('measure calls: run a suite of unscripted calls and check their outcomes (评测)')
    .option('--records <file>', 'records the calls start from (else the suite’s "records")')
    .addOption(new Option('--agent <kind>', 'who answers').choices(['auto', 'rules', 'llm']).default('rules'))
    .addOption(
      new Option('--customer <kind>', 'who calls in persona scenarios (script: they are skipped)')
        .choices(['script', 'llm'])
        .default('script'),
    )
    .option('--trials <n>', 'runs per scenario (pass^k needs k runs)', '1')
    .option('--jobs <n>', 'runs at a time (default: up to 4)')
    .option('--only <pattern>', 'scenarios whose name contains this, or matches /regex/')
    .option('--min <rate>', 'exit 1 when the pass rate is below this (0.8 or 80%)')
    .option('--report <file>', 'write a report: FILE.md or FILE.html')
    .option('--jsonl', 'one result object per run, then a summary (EVAL.md)')
    .option('--llm-provider <p>', 'openai-compatible | openai | anthropic (else CS_LLM_PROVIDER)')
    .option('--llm-model <m>', 'model name (else CS_LLM_MODEL)')
    .option('--llm-base-url <url>', 'base URL (else CS_LLM_BASE_URL)')
    .action(lazy(async () => (await import('./commands/eval-command.js')).evalCommand));

  program
    .command('migrate')
    .description('copy a file database into PostgreSQL (re-runnable)')
    .requiredOption('--from <dir>', 'file database folder')
    .requiredOption('--to <url>', 'postgres:// URL')
    .action(lazy(async () => (await import('./commands/store-commands.js')).migrateCommand));
  program
    .command('export')
    .description('write the database in the seed’s folder layout')
    .requiredOption('--to <dir>', 'target folder')
    .action(lazy(async () => (await import('./commands/store-commands.js')).exportCommand));
  program
    .command('doctor')
    .description('check the database for damaged files, stale index, locks, leftovers; --fix repairs')
    .option('--fix', 'repair what is safe (index, temp folders, abandoned locks, field types, READMEs)')
    .option(
      '--move-corrupt',
      'with --fix: move damaged files aside to <file>.corrupt-<time> (nothing is deleted)',
    )
    .action(lazy(async () => (await import('./commands/doctor-command.js')).doctorCommand));
  program
    .command('recover')
    .description('save calls left unsaved by a crash, a kill or a database outage')
    .action(lazy(async () => (await import('./commands/recover-command.js')).recoverCommand));

  return program;
}

/** Runs the CLI. Errors become one line on stderr and the exit code DESIGN.md fixes. */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // A reader that closes early (`cs call --jsonl | head`) must not crash the command: the call
  // still ends and saves; only the output stops.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.help') return 0;
    // Commander says "error: unknown option '--x'\n(Did you mean --y?)": one line, our prefix.
    const message = error.message.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ');
    writeErrorLine(`${message} (run \`cs --help\` for usage)`);
    return 2;
  }
  if (CsError.isInstance(error)) {
    writeErrorLine(error.message);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const system = systemErrorLine(error);
  if (system) {
    writeErrorLine(system.message);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return system.exit;
  }
  const message = error instanceof Error ? error.message : String(error);
  writeErrorLine(`unexpected error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}

/** The one error line: never more than one line, never a control character reaching the terminal. */
function writeErrorLine(message: string): void {
  process.stderr.write(`cs: ${escapeControlChars(message.trim())}\n`);
}

const SYSTEM_ERRORS: Record<string, { what: string; exit: number }> = {
  ENOTDIR: { what: 'a part of the path is a file, not a folder', exit: 2 },
  EISDIR: { what: 'it is a folder, not a file', exit: 2 },
  ENOENT: { what: 'no such file or folder', exit: 2 },
  EACCES: { what: 'permission denied', exit: 1 },
  EPERM: { what: 'operation not permitted', exit: 1 },
  EROFS: { what: 'read-only file system', exit: 1 },
  ENOSPC: { what: 'no space left on the device', exit: 1 },
  EEXIST: { what: 'it already exists', exit: 1 },
};

/**
 * A file-system failure no command foresaw (a path that is a file, a read-only disk) as a line
 * a user can act on, instead of "unexpected error".
 */
function systemErrorLine(error: unknown): { message: string; exit: number } | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  const known = typeof e?.code === 'string' ? SYSTEM_ERRORS[e.code] : undefined;
  if (!known || typeof e?.path !== 'string') return undefined;
  return { message: `cannot use ${e.path}: ${known.what} (${e.code}).`, exit: known.exit };
}

export type { Handler };
