import { Command, CommanderError, Option } from 'commander';
import { CsError } from '../domain/cs-error.js';
import { escapeControlChars } from '../render/escape-control-chars.js';
import { createCliContext, type GlobalOptions } from './cli-context.js';
import { type CommandSpec, type Handler, type OptionSpec, REQUIRED_CALL } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { dbFlag, namedCommand } from './named-command.js';

/** Injected by scripts/build.mjs from package.json. */
declare const __CS_VERSION__: string | undefined;
const CS_VERSION = typeof __CS_VERSION__ === 'string' ? __CS_VERSION__ : 'dev';

/**
 * Wraps a lazily imported handler: commands load their code (and heavy dependencies) only when
 * run, so `cs read` never pays for the call agent, the LLM SDK or MCP.
 */
function lazy(load: () => Promise<Handler>) {
  return async (...raw: unknown[]) => {
    const cmd = raw[raw.length - 1] as Command;
    const args = raw.slice(0, -1) as never[];
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

/**
 * One name for the live call: `--call` wins; the old `--session` is accepted with a note on
 * stderr. Handlers read the id as `session` (the name the commands have always used inside).
 */
function resolveCallOption(command: Command): void {
  const call = command.options.find((o) => o.long === '--call');
  if (!call) return;
  const opts = command.opts<{ call?: string; session?: string }>();
  if (opts.session !== undefined && opts.call === undefined) {
    process.stderr.write('cs: --session is deprecated; use --call (the live call id)\n');
  }
  const id = opts.call ?? opts.session;
  if (id !== undefined) command.setOptionValue('session', id);
  else if (call.description.endsWith(REQUIRED_CALL)) {
    throw new CsError(
      'E_USAGE',
      `\`cs ${command.parent?.name()} ${command.name()}\` needs --call <id> (from \`cs session start\`).`,
    );
  }
}

/** A commander option from its spec. */
function optionOf(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.required) option.makeOptionMandatory();
  if (spec.hidden) option.hideHelp();
  if (spec.parse) option.argParser(spec.parse as (value: string, previous: unknown) => unknown);
  return option;
}

/** The program: global options, then each of `commands` with its flags and lazy handler. */
function buildProgram(commands: readonly CommandSpec[]): Command {
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

  const byPath = new Map<string, Command>([['', program]]);
  for (const spec of commands) {
    const parent = byPath.get(spec.path.slice(0, -1).join(' '));
    if (!parent)
      throw new Error(`cs: the group of \`${spec.path.join(' ')}\` must come before it in COMMANDS`);
    const name = spec.path[spec.path.length - 1] as string;
    const command = parent
      .command(spec.arguments ? `${name} ${spec.arguments}` : name)
      .description(spec.description);
    for (const option of spec.options ?? []) command.addOption(optionOf(option));
    if (spec.load) command.action(lazy(spec.load));
    byPath.set(spec.path.join(' '), command);
  }
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
  const named = namedCommand(argv, COMMANDS);
  if (named) warmUp(named, argv);
  // A named command needs only its own group: its siblings elsewhere never show in its help,
  // its errors or its suggestions.
  const program = buildProgram(named ? COMMANDS.filter((c) => c.path[0] === named.path[0]) : COMMANDS);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

/**
 * Starts loading what the named command will run, its handler and the store's code (the
 * PostgreSQL driver too when the database is a postgres:// URL), while commander builds and
 * parses: the files are read side by side instead of one import after another. Modules only
 * load (their top levels do no work), no database is touched, and a failure here is met again,
 * and reported, where the code is used.
 */
function warmUp(command: CommandSpec, argv: readonly string[]): void {
  command.load?.().catch(() => undefined);
  const db = dbFlag(argv);
  import('../store/open-store.js')
    .then((m) =>
      m.loadStoreCode({ cwd: process.cwd(), env: process.env, ...(db === undefined ? {} : { db }) }),
    )
    .catch(() => undefined);
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
