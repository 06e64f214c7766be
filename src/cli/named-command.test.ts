import { describe, expect, it } from 'vitest';
import type { CommandSpec } from './command-spec.js';
import { COMMANDS } from './commands.js';
import { dbFlag, namedCommand } from './named-command.js';

const path = (argv: string[]) => namedCommand(argv, COMMANDS)?.path.join(' ');

describe('namedCommand', () => {
  it.each([
    [['approvals', 'list', '--state', 'pending'], 'approvals list'],
    [['--db', 'postgres://x/y', '--json', 'approvals', 'list'], 'approvals list'],
    [['--db=/tmp/db', 'history', 'list'], 'history list'],
    [['read', 'product', 'demo'], 'read'],
    [['call', '--agent', 'rules'], 'call'],
  ])('names the runnable command %j starts with', (argv, expected) => {
    expect(path(argv)).toBe(expected);
  });

  it.each([
    [[]],
    [['approvals']],
    [['approvals', 'lst']],
    [['aprovals', 'list']],
    [['approvals', 'list', '--help']],
    [['-h']],
    [['--version']],
    [['help', 'approvals']],
    [['--', 'approvals', 'list']],
  ])('leaves %j to commander and the whole program', (argv) => {
    expect(path(argv)).toBeUndefined();
  });

  it('takes the longest path, a subcommand over its group', () => {
    const load = async () => async () => undefined;
    const commands: CommandSpec[] = [
      { path: ['mock'], description: 'group with its own handler', load },
      { path: ['mock', 'set'], description: 'subcommand', load },
    ];
    expect(namedCommand(['mock', 'set', '--x'], commands)?.path).toEqual(['mock', 'set']);
    expect(namedCommand(['mock', 'other'], commands)?.path).toEqual(['mock']);
  });
});

describe('dbFlag', () => {
  it.each([
    [['list', '--db', 'a'], 'a'],
    [['--db=a', 'list', '--db', 'b'], 'b'],
    [['list', '--db=postgres://h/d?schema=s'], 'postgres://h/d?schema=s'],
    [['list'], undefined],
    [['list', '--', '--db', 'a'], undefined],
  ])('reads the --db commander keeps from %j', (argv, expected) => {
    expect(dbFlag(argv)).toBe(expected);
  });
});
