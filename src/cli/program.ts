import { Command, Option } from 'commander';
import type { GlobalOptions } from './cli-context.js';
import type { CommandSpec, OptionSpec } from './command-spec.js';
import { GLOBAL_OPTIONS, resolveCallId } from './quick-parse.js';

/** Injected by scripts/build.mjs from package.json. */
declare const __CS_VERSION__: string | undefined;
const CS_VERSION = typeof __CS_VERSION__ === 'string' ? __CS_VERSION__ : 'dev';

/** Runs a command's handler with what commander parsed (main.ts's `runCommand`). */
export type RunCommand = (
  command: CommandSpec,
  args: unknown[],
  options: Record<string, unknown>,
  globals: GlobalOptions,
) => Promise<void>;

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

/**
 * The program: global options, then each of `commands` with its flags; running one calls `run`.
 * Commander parses what `quickParse` leaves to it: help, the version, and every line that is
 * unusual or wrong, which it reports.
 */
export function buildProgram(commands: readonly CommandSpec[], run: RunCommand): Command {
  const program = new Command('cs').description(
    '客服系统 Customer-service system: records, verified calls, permission control',
  );
  for (const option of GLOBAL_OPTIONS) program.addOption(optionOf(option));
  program
    .version(CS_VERSION, '-v, --version', 'print the version')
    // Set before the subcommands are added, which copy it: a parse error is reported once, as
    // one `cs:` line, by reportError.
    .configureOutput({ outputError: () => undefined })
    .exitOverride();

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
    if (spec.load) {
      command.action(async (...raw: unknown[]) => {
        const cmd = raw[raw.length - 1] as Command;
        const options = cmd.opts();
        const id = resolveCallId(spec, options);
        if (id !== undefined) cmd.setOptionValue('session', id);
        await run(spec, raw.slice(0, -2), options, program.opts());
      });
    }
    byPath.set(spec.path.join(' '), command);
  }
  return program;
}
