import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvents, runCs, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

// The in-process runner stands in for the spawned `cs` in tests that are not about processes:
// these prove it answers as the process does, and gives the test process back as it found it.
describe('runCsInProcess', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    tmp = await tempDb();
    await seedRecords(tmp.db);
  });
  afterAll(() => tmp.cleanup());

  /** A name, the arguments for the seeded database, and whether CS_DB names that database. */
  const cases: Array<[string, (db: string) => string[], boolean?]> = [
    ['--version', () => ['--version']],
    ['--help of a command', () => ['read', '--help']],
    ['a read as JSON', (db) => ['read', 'customer', '--db', db, '--phone', '13800138000', '--json']],
    [
      'a record that is not there (exit 1)',
      (db) => ['read', 'customer', '--db', db, '--phone', '13000000000'],
    ],
    ['a bad flag value (exit 2)', (db) => ['list', '--type', 'gadget', '--db', db]],
    ['an unknown option (exit 2)', (db) => ['list', '--nope', '--db', db]],
    ['an unknown command (exit 2)', () => ['frobnicate']],
    [
      'a permission check',
      (db) => ['permit', '--product', '会员订阅服务', '--action', '退款200元', '--db', db],
    ],
    ['the database from CS_DB', () => ['list', '--type', 'operator'], true],
  ];

  it.each(cases)('gives the code, stdout and stderr of the spawned cs: %s', async (_name, args, useCsDb) => {
    const options = useCsDb ? { env: { CS_DB: tmp.db } } : {};
    const spawned = await runCs(args(tmp.db), options);
    const inProcess = await runCsInProcess(args(tmp.db), options);
    expect(inProcess).toEqual(spawned);
  });

  it('reads stdin and resolves paths from its working folder, as the process does', async () => {
    const cwd = join(tmp.dir, 'work');
    await mkdir(cwd, { recursive: true });
    await seedRecords(join(cwd, 'db'));
    const turns = '我要退款5元\n结束通话\n';
    const args = ['call', '--db', 'db', '--product', '会员订阅服务', '--operator', 'HEAR策略'];
    const spawned = await runCs([...args, '--phone', '13800138000', '--jsonl'], { cwd, input: turns });
    const inProcess = await runCsInProcess([...args, '--phone', '13800138000', '--jsonl'], {
      cwd,
      input: turns,
    });
    expect(inProcess.code).toBe(spawned.code);
    expect(inProcess.stderr).toBe(spawned.stderr);
    const kinds = (stdout: string) => parseEvents(stdout).map((e) => e.type);
    expect(kinds(inProcess.stdout), `${spawned.stdout}\n----\n${inProcess.stdout}`).toEqual(
      kinds(spawned.stdout),
    );
    expect(kinds(inProcess.stdout)).toContain('session_saved');
  });

  it('gives back the streams, environment, folder, exit code and exit it took', async () => {
    const before = processState();
    const r = await runCsInProcess(['list', '--type', 'gadget'], { cwd: tmp.dir, env: { CS_DB: tmp.db } });
    expect(r.code).toBe(2);
    const after = processState();
    for (const key of Object.keys(before) as Array<keyof typeof before>)
      expect(after[key], key).toBe(before[key]);
    expect(process.env.CS_DB).toBe(before.env.CS_DB);
  });

  it('ends a run at process.exit with its code, and leaves no signal handler behind', async () => {
    const signalHandlers = process.listenerCount('SIGINT');
    const caller = new PassThrough();
    const run = runCsInProcess(
      [
        'call',
        '--db',
        tmp.db,
        '--product',
        '会员订阅服务',
        '--operator',
        'HEAR策略',
        '--phone',
        '13800138000',
        '--jsonl',
      ],
      { input: caller },
    );
    caller.write('帮我取消自动续费\n');
    // The call's own SIGINT handler, once it is listening: called alone, as a signal would (an
    // emitted signal would reach the test process's other handlers too).
    while (process.listenerCount('SIGINT') === signalHandlers) await new Promise((r) => setTimeout(r, 5));
    const handler = process.listeners('SIGINT').at(-1) as () => void;
    handler();
    const r = await run;
    expect(r.code).toBe(130);
    expect(parseEvents(r.stdout).at(-1)?.type).toBe('session_saved');
    expect(r.stderr).toBe('');
    expect(process.listenerCount('SIGINT')).toBe(signalHandlers);
    expect(process.exitCode).toBeUndefined();
  });
});

/** What a run in this process borrows and must give back, each by identity. */
function processState() {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    exitCode: process.exitCode,
    exit: process.exit,
  };
}
