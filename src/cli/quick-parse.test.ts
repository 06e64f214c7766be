import { describe, expect, it } from 'vitest';
import type { GlobalOptions } from './cli-context.js';
import type { CommandSpec } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { namedCommand } from './named-command.js';
import { buildProgram } from './program.js';
import { quickParse, resolveCallId } from './quick-parse.js';

interface Ran {
  path: string;
  args: unknown[];
  options: Record<string, unknown>;
  globals: GlobalOptions;
}

/** What commander hands the command for `argv`, or the error it throws. */
async function commanderParse(argv: string[]): Promise<Ran | { error: string }> {
  let ran: Ran | undefined;
  const program = buildProgram(COMMANDS, async (command, args, options, globals) => {
    ran = { path: command.path.join(' '), args, options: { ...options }, globals: { ...globals } };
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return ran ?? { error: 'nothing ran' };
}

/** What the quick path hands the command for `argv` (or the error it throws), as main.ts runs it. */
function quick(argv: string[]): Ran | { error: string } | undefined {
  const command = namedCommand(argv, COMMANDS);
  let parsed: ReturnType<typeof quickParse>;
  try {
    // main.ts leaves a line to commander when a flag's own parser refuses a value.
    parsed = command && quickParse(argv, command);
  } catch {
    return undefined;
  }
  if (!command || !parsed) return undefined;
  try {
    const id = resolveCallId(command, parsed.options);
    if (id !== undefined) parsed.options.session = id;
  } catch (error) {
    return { error: (error as Error).message };
  }
  return {
    path: command.path.join(' '),
    args: parsed.args,
    options: parsed.options,
    globals: parsed.globals,
  };
}

/** A value for an option: its first choice, or a word (a k=v pair for --param). */
function valueFor(flags: string, choices?: readonly string[]): string {
  if (choices) return choices[choices.length - 1] as string;
  return flags.startsWith('--param') ? 'k=v' : 'x1';
}

/** Plain, valid lines for a command: its arguments, every option given, and the required ones only. */
function linesFor(spec: CommandSpec): string[][] {
  const args = (spec.arguments ?? '').split(' ').filter(Boolean);
  const positional = args.map((_, i) => `a${i}`);
  const optionWords = (all: boolean) =>
    (spec.options ?? [])
      .filter((o) => all || o.required)
      .flatMap((o) => {
        const [flag = '', value] = o.flags.split(' ');
        return value === undefined ? [flag] : [flag, valueFor(o.flags, o.choices)];
      });
  return [
    [...spec.path, ...positional, ...optionWords(false)],
    [...spec.path, ...positional, ...optionWords(true)],
    ['--db', '/tmp/x', ...spec.path, ...optionWords(true), '--json', ...positional],
    [...spec.path, ...optionWords(false), ...positional, '--debug', '--db', 'postgres://h/d'],
  ];
}

const runnable = COMMANDS.filter((c) => c.load);

describe('quickParse', () => {
  it.each(runnable.map((c) => [c.path.join(' '), c] as const))(
    'hands `cs %s` what commander hands it, for plain valid lines',
    async (_name, spec) => {
      for (const argv of linesFor(spec)) {
        const ran = quick(argv);
        expect(ran, argv.join(' ')).toBeDefined();
        expect(ran, argv.join(' ')).toEqual(await commanderParse(argv));
      }
    },
  );

  it('says a command needs its call id as commander does', async () => {
    const argv = ['session', 'end'];
    expect(quick(argv)).toEqual(await commanderParse(argv));
    expect(quick(argv)).toHaveProperty('error');
  });

  it('takes the deprecated --session for --call as commander does', async () => {
    const argv = ['session', 'end', '--session', 'c1'];
    expect(quick(argv)).toEqual(await commanderParse(argv));
  });

  it('repeats a collecting flag as commander does', async () => {
    const argv = ['query', '--param', 'a=1', '--param', 'b=2', '--product', 'p', '--phone', '1'];
    expect(quick(argv)).toEqual(await commanderParse(argv));
  });

  it('keeps the last value of a flag given twice', async () => {
    const argv = ['approvals', 'list', '--state', 'pending', '--state', 'expired'];
    expect(quick(argv)).toEqual(await commanderParse(argv));
  });

  it.each([
    [['approvals', 'list', '--state=pending']],
    [['approvals', 'list', '--state', 'nonsense']],
    [['approvals', 'list', '--stat', 'pending']],
    [['approvals', 'list', '--note', '--json']],
    [['approvals', 'list', 'extra']],
    [['approvals', 'show']],
    [['approvals', 'approve', 'id1']],
    [['approvals', 'list', '-x']],
    [['approvals', 'list', '--', 'x']],
    [['read', 'product', 'name', 'more']],
    [['query', '--param', 'novalue', '--product', 'p', '--phone', '1']],
  ])('leaves %j to commander', (argv) => {
    expect(quick(argv)).toBeUndefined();
  });
});
