import { CsError } from '../domain/cs-error.js';
import type { GlobalOptions } from './cli-context.js';
import { type CommandSpec, type OptionSpec, REQUIRED_CALL } from './command-spec.js';

/**
 * A command line as the handler gets it: the positional arguments, the command's own options
 * (named as commander names them) and the global ones.
 */
export interface ParsedCommand {
  args: unknown[];
  options: Record<string, unknown>;
  globals: GlobalOptions;
}

/** The global flags (main.ts gives the same to commander): `--db <dir|url>`, `--json`, `--debug`. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--db <dir|url>',
    description: 'database folder or postgres:// URL (else CS_DB / CS_DATABASE_URL / nearest .ezagent)',
  },
  { flags: '--json', description: 'machine-readable output on stdout' },
  { flags: '--debug', description: 'show stack traces on errors' },
];

/** An option's long flag, whether it takes a value, and its key in the options (commander's camelCase). */
function shapeOf(spec: OptionSpec): { long: string; takesValue: boolean; key: string } {
  const [long = '', value] = spec.flags.split(' ');
  const key = long
    .slice(2)
    .split('-')
    .reduce((name, word) => name + word.charAt(0).toUpperCase() + word.slice(1));
  return { long, takesValue: value !== undefined, key };
}

/**
 * Parses a plain, valid command line for `command` (as `namedCommand` found it) the way
 * commander would: long flags with their values as separate words, the positional arguments
 * the command declares, every required flag present, every value one of its choices. Anything
 * else (a short flag, `--x=y`, `--`, a value that looks like a flag, an unknown flag, a missing
 * or extra argument, a bad value) returns undefined, and commander parses it and says what is
 * wrong, word for word as always. Commander itself is then not loaded for the common case.
 */
export function quickParse(argv: readonly string[], command: CommandSpec): ParsedCommand | undefined {
  const own = (command.options ?? []).map((o) => ({ spec: o, ...shapeOf(o) }));
  const globals = GLOBAL_OPTIONS.map((o) => ({ spec: o, ...shapeOf(o) }));
  const options: Record<string, unknown> = {};
  for (const o of own) if (o.spec.default !== undefined) options[o.key] = o.spec.default;
  const globalValues: GlobalOptions & Record<string, unknown> = {};
  const positional: string[] = [];
  // The command's words come first (namedCommand skipped only global flags before them).
  let words = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('-')) {
      // Commander's parent commands take their own flags wherever they stand.
      const global = globals.find((o) => o.long === arg);
      const option = global ?? (words === command.path.length ? own.find((o) => o.long === arg) : undefined);
      if (!option) return undefined;
      const into = global ? globalValues : options;
      if (!option.takesValue) {
        into[option.key] = true;
        continue;
      }
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return undefined;
      if (option.spec.choices && !option.spec.choices.includes(value)) return undefined;
      into[option.key] = option.spec.parse
        ? (option.spec.parse as (v: string, previous: unknown) => unknown)(value, into[option.key])
        : value;
      continue;
    }
    if (words < command.path.length) {
      if (arg !== command.path[words]) return undefined;
      words++;
      continue;
    }
    positional.push(arg);
  }
  if (words < command.path.length) return undefined;
  for (const o of own) if (o.spec.required && options[o.key] === undefined) return undefined;
  const declared = (command.arguments ?? '').split(' ').filter((a) => a !== '');
  if (declared.some((a) => a.includes('...')) || positional.length > declared.length) return undefined;
  if (declared.some((a, i) => a.startsWith('<') && positional[i] === undefined)) return undefined;
  return { args: declared.map((_, i) => positional[i]), options, globals: globalValues };
}

/**
 * One name for the live call: `--call` wins; the old `--session` is accepted with a note on
 * stderr. Handlers read the id as `session` (the name the commands have always used inside).
 * Returns the id, if any; throws when the command cannot run without one.
 */
export function resolveCallId(
  command: CommandSpec,
  options: { call?: unknown; session?: unknown },
): string | undefined {
  const call = command.options?.find((o) => o.flags.startsWith('--call '));
  if (!call) return undefined;
  if (options.session !== undefined && options.call === undefined) {
    process.stderr.write('cs: --session is deprecated; use --call (the live call id)\n');
  }
  const id = (options.call ?? options.session) as string | undefined;
  if (id === undefined && call.description.endsWith(REQUIRED_CALL)) {
    const parent = command.path.length > 1 ? command.path[command.path.length - 2] : 'cs';
    throw new CsError(
      'E_USAGE',
      `\`cs ${parent} ${command.path[command.path.length - 1]}\` needs --call <id> (from \`cs session start\`).`,
    );
  }
  return id;
}
