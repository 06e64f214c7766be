import type { CliContext } from './cli-context.js';

/** A command's code: the context, its arguments and options in; an exit code (undefined: 0) out. */
export type Handler = (ctx: CliContext, ...args: never[]) => Promise<number | undefined>;

/** One flag of a command, as data (program.ts makes it a commander Option; quick-parse.ts reads it). */
export interface OptionSpec {
  /** As commander writes it: `--name <name>`, `--force`. */
  flags: string;
  description: string;
  default?: string | boolean;
  /** The only values accepted; anything else is a usage error naming them. */
  choices?: readonly string[];
  /** The command fails without it. */
  required?: boolean;
  /** Accepted but left out of `--help` (an old name kept working). */
  hidden?: boolean;
  /** Turns each value into the option's value; a repeatable flag collects (`--param k=v`). */
  parse?: (value: string, previous: never) => unknown;
}

/**
 * One command as data: where it sits (`['history', 'list']` is `cs history list`), what `--help`
 * says, its arguments and flags, and how to load its handler. Spec modules import nothing heavy,
 * so `cs --help` pays only for commander and these lists, `cs read` for these lists; a handler's module loads
 * when its command runs. Adding a command is adding one spec to a list in `commands/*.flags.ts`.
 *
 * @example { path: ['restore'], description: 'restore a deleted record', arguments: '[ref]',
 *   load: async () => (await import('./records-commands.js')).restoreCommand }
 */
export interface CommandSpec {
  path: readonly string[];
  description: string;
  /** As commander writes them: `<type>`, `[ref]`, `<session_id>`. */
  arguments?: string;
  options?: readonly OptionSpec[];
  /** The handler, loaded when the command runs; a group of subcommands (`cs session`) has none. */
  load?: () => Promise<Handler>;
}

/** Marks the `--call` of a command that cannot run without a live call (see `callOptions`). */
export const REQUIRED_CALL = '(required)';

/**
 * `--call <id>`, the live call (named `call_id` everywhere, DESIGN.md), with its old name
 * `--session <id>` still accepted, hidden; `resolveCallId` turns either into the handler's `session`.
 */
export function callOptions(description: string, required = false): OptionSpec[] {
  return [
    { flags: '--call <id>', description: required ? `${description} ${REQUIRED_CALL}` : description },
    { flags: '--session <id>', description: 'deprecated: use --call', hidden: true },
  ];
}

/** `--lang <lang>`, zh or en, with an optional default. */
export function langOption(description: string, defaultLang?: 'zh' | 'en'): OptionSpec {
  return {
    flags: '--lang <lang>',
    description,
    choices: ['zh', 'en'],
    ...(defaultLang ? { default: defaultLang } : {}),
  };
}
