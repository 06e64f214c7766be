import type { CommandSpec } from './command-spec.js';

// What a command line names, read before it is parsed, so main.ts can start loading the command's
// code early, parse the line quickly, or build only the command's group for commander.

/** Global flags that take a value: the word after them is not a command's. */
const GLOBAL_VALUE_FLAGS = new Set(['--db']);
/** Flags commander answers itself (help, version): their output needs the whole program. */
const SELF_ANSWERED = new Set(['-h', '--help', '-v', '--version']);

/**
 * The runnable command `argv` names by its leading words (global flags may come first), or
 * undefined when it names none, only a group, or asks for help or the version: then commander,
 * with every command, sorts it out.
 */
export function namedCommand(
  argv: readonly string[],
  commands: readonly CommandSpec[],
): CommandSpec | undefined {
  if (argv.some((a) => SELF_ANSWERED.has(a))) return undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (!arg.startsWith('-')) words.push(arg);
    else if (words.length > 0) break;
    else if (GLOBAL_VALUE_FLAGS.has(arg)) i++;
  }
  let found: CommandSpec | undefined;
  for (const spec of commands) {
    if (spec.path.length > words.length || !spec.path.every((w, i) => words[i] === w)) continue;
    if (!found || spec.path.length > found.path.length) found = spec;
  }
  return found?.load ? found : undefined;
}

/** The last `--db` value in `argv` (commander keeps the last one given), if any. */
export function dbFlag(argv: readonly string[]): string | undefined {
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg === '--db') db = argv[++i];
    else if (arg.startsWith('--db=')) db = arg.slice('--db='.length);
  }
  return db;
}
