import { zoneOfClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import { escapeControlChars } from '../render/escape-control-chars.js';
import { createCliContext, type GlobalOptions } from './cli-context.js';
import type { CommandSpec } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { dbFlag, namedCommand } from './named-command.js';
import { quickParse, resolveCallId } from './quick-parse.js';

/**
 * Runs a command: its handler, loaded now (commands load their code and heavy dependencies
 * only when run, so `cs read` never pays for the call agent, the LLM SDK or MCP), gets the
 * context and its arguments and options; the store it opened is closed after.
 */
async function runCommand(
  command: CommandSpec,
  args: unknown[],
  options: Record<string, unknown>,
  globals: GlobalOptions,
): Promise<void> {
  if (!command.load) return;
  // As commander's optsWithGlobals: the command's options, then the global ones over them.
  const ctx = createCliContext({ ...options, ...globals });
  try {
    const handler = await command.load();
    const code = await handler(ctx, ...(args as never[]), options as never);
    if (code) process.exitCode = code;
  } finally {
    await ctx.closeStore();
  }
}

/** Runs the CLI. Errors become one line on stderr and the exit code DESIGN.md fixes. */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // A reader that closes early (`cs call --jsonl | head`) must not crash the command: the call
  // still ends and saves; only the output stops.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // Before any date is read: a drill's clock at +08:00 runs the process at +08:00 (see the function).
  const zone = zoneOfClock(process.env);
  if (zone !== undefined) process.env.TZ = zone;
  const named = namedCommand(argv, COMMANDS);
  if (named) warmUp(named, argv);
  try {
    // A plain, valid command line runs without commander (about 8 ms of a start); any other
    // is commander's to parse and to report on.
    const quick = named && parsedQuickly(argv, named);
    if (quick) {
      const id = resolveCallId(named, quick.options);
      if (id !== undefined) quick.options.session = id;
      await runCommand(named, quick.args, quick.options, quick.globals);
      return;
    }
    const { buildProgram } = await import('./program.js');
    // A named command needs only its own group: its siblings elsewhere never show in its help,
    // its errors or its suggestions.
    const commands = named ? COMMANDS.filter((c) => c.path[0] === named.path[0]) : COMMANDS;
    await buildProgram(commands, runCommand).parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

/**
 * Starts loading what the named command will run, its handler and the store's code (the
 * PostgreSQL driver too when the database is a postgres:// URL), while the line is parsed and
 * the handler loads: the files are read side by side instead of one import after another. Modules only
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

/** `quickParse`, or undefined when a flag's own parser refuses a value: commander says why. */
function parsedQuickly(argv: readonly string[], command: CommandSpec) {
  try {
    return quickParse(argv, command);
  } catch {
    return undefined;
  }
}

/** Commander's errors carry a `commander.…` code (commander itself loads only when it parses). */
function isCommanderError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('commander.');
}

function reportError(error: unknown, debug: boolean): number {
  if (isCommanderError(error)) {
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
