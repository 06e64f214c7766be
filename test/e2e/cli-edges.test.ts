import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from '../contract/pg-test-schema.js';
import { CS_BIN, PROJECT_ROOT, runCs, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

const PRODUCT = '会员订阅服务';
const OPERATOR = 'HEAR策略';
const REVIEW = JSON.stringify({
  resolution_status: 'resolved',
  issue_summary: '咨询',
  actions_taken: [],
  follow_up_required: false,
  customer_updates: {},
});
const CUSTOMER = {
  phone: '13700000001',
  type: 'new',
  background: 'b',
  communication_style: 'c',
  special_needs: 'n',
};

/** `[[[ ... ]]]` as a field value, `depth` levels deep. */
const nested = (depth: number) => `{"name":"n","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/**
 * Every rough edge of the issue: what is typed, the exit code, and a part of the one line the
 * user reads. `args` get `--db` of the seeded database unless they name their own.
 */
interface Edge {
  edge: string;
  args: (paths: { db: string; dir: string }) => string[];
  exit: 1 | 2;
  says: RegExp;
}

const EDGES: Edge[] = [
  {
    edge: 'an unknown option (Commander)',
    args: () => ['read', 'product', '--bogus'],
    exit: 2,
    says: /unknown option '--bogus'.*cs --help/,
  },
  {
    edge: 'an unknown option with a suggestion (Commander prints two lines)',
    args: () => ['read', 'product', '--nme', 'x'],
    exit: 2,
    says: /unknown option '--nme' \(Did you mean --name\?\)/,
  },
  {
    edge: 'a missing required option (Commander)',
    args: () => ['permit', '--product', PRODUCT],
    exit: 2,
    says: /required option '--action <text>' not specified/,
  },
  {
    edge: 'a value outside the choices (Commander)',
    args: () => ['list', '--type', 'bogus'],
    exit: 2,
    says: /argument 'bogus' is invalid/,
  },
  {
    edge: '--db naming a file',
    args: ({ dir }) => ['read', 'product', '--name', 'x', '--db', join(dir, 'a-file')],
    exit: 2,
    says: /^--db .*a-file is a file, not a folder/,
  },
  {
    edge: '--db /etc/passwd',
    args: () => ['list', '--db', '/etc/passwd'],
    exit: 2,
    says: /^--db \/etc\/passwd is a file, not a folder/,
  },
  {
    edge: '--db below a file',
    args: ({ dir }) => ['list', '--db', join(dir, 'a-file', 'db')],
    exit: 2,
    says: /lies under the file .*a-file, not a folder/,
  },
  {
    edge: 'export --to a file',
    args: ({ db }) => ['export', '--to', '/etc/passwd', '--db', db],
    exit: 2,
    says: /^--to \/etc\/passwd is a file, not a folder/,
  },
  {
    edge: '--data nested 65 levels deep',
    args: () => ['create', 'customer', '--data', nested(65)],
    exit: 2,
    says: /^--data is nested more than 64 levels deep/,
  },
  {
    edge: '--file nested 200000 levels deep',
    args: ({ dir }) => ['create', 'customer', '--file', join(dir, 'deep.json')],
    exit: 2,
    says: /^--file is nested more than 64 levels deep/,
  },
  {
    edge: '--updates nested 100 levels deep',
    args: () => ['update', 'customer', '--name', '张先生', '--updates', nested(100)],
    exit: 2,
    says: /^--updates is nested more than 64 levels deep/,
  },
  {
    edge: 'read --phone abc',
    args: () => ['read', 'customer', '--phone', 'abc'],
    exit: 2,
    says: /^--phone "abc" is not a phone number/,
  },
  {
    edge: 'update --phone abc',
    args: () => ['update', 'customer', '--phone', 'abc', '--updates', '{}'],
    exit: 2,
    says: /^--phone "abc" is not a phone number/,
  },
  {
    edge: 'query --phone abc',
    args: () => ['query', '--product', PRODUCT, '--phone', 'abc', '--interface', 'user_subscription'],
    exit: 2,
    says: /^--phone "abc" is not a phone number/,
  },
  {
    edge: 'call --phone abc',
    args: () => ['call', '--product', PRODUCT, '--operator', OPERATOR, '--phone', 'abc'],
    exit: 2,
    says: /"abc" is not a phone number/,
  },
  {
    edge: 'session start --phone abc',
    args: () => ['session', 'start', '--product', PRODUCT, '--operator', OPERATOR, '--phone', 'abc'],
    exit: 2,
    says: /"abc" is not a phone number/,
  },
  {
    edge: 'mock set --phone abc',
    args: () => [
      'mock',
      'set',
      '--product',
      PRODUCT,
      '--phone',
      'abc',
      '--interface',
      'user_subscription',
      '--response',
      '{}',
    ],
    exit: 2,
    says: /"abc" is not a phone number/,
  },
  {
    edge: "create --data '[]'",
    args: () => ['create', 'customer', '--data', '[]'],
    exit: 2,
    says: /^--data is an empty array/,
  },
  {
    edge: "permit --action ''",
    args: () => ['permit', '--product', PRODUCT, '--action', ''],
    exit: 2,
    says: /^--action must not be empty/,
  },
  {
    edge: 'permit --action of blanks',
    args: () => ['permit', '--product', PRODUCT, '--action', ' \t '],
    exit: 2,
    says: /^--action must not be empty/,
  },
  {
    edge: 'history list --date 2026-13-45',
    args: () => ['history', 'list', '--date', '2026-13-45'],
    exit: 2,
    says: /^--date "2026-13-45" is not a date/,
  },
  {
    edge: 'history list --date 20260230 (no such day)',
    args: () => ['history', 'list', '--date', '20260230'],
    exit: 2,
    says: /^--date "20260230" is not a date/,
  },
  {
    edge: 'session save --update-customer changing the phone',
    args: () => [
      'session',
      'save',
      '--product',
      PRODUCT,
      '--customer',
      '13800138000',
      '--operator',
      OPERATOR,
      '--review',
      REVIEW,
      '--conversation',
      '[]',
      '--update-customer',
      '{"phone":"abc"}',
    ],
    exit: 2,
    says: /^--update-customer cannot change the phone.*cs update customer/,
  },
  {
    edge: 'session end --update-customer changing the phone',
    args: () => [
      'session',
      'end',
      '--call',
      'live_0000000000',
      '--update-customer',
      '{"phone":"13900000000"}',
    ],
    exit: 2,
    says: /^--update-customer cannot change the phone/,
  },
  {
    edge: 'a review whose customer_updates change the phone',
    args: () => [
      'session',
      'end',
      '--call',
      'live_0000000000',
      '--review',
      JSON.stringify({ ...JSON.parse(REVIEW), customer_updates: { phone: '13900000000' } }),
    ],
    exit: 2,
    says: /^--review customer_updates cannot change the phone/,
  },
  {
    edge: 'a 10 MB name in --file',
    args: ({ dir }) => ['create', 'customer', '--file', join(dir, 'long-name.json')],
    exit: 2,
    says: /^customer name is 10485760 characters; the limit is 200/,
  },
  {
    edge: 'a name of 201 characters in --updates',
    args: () => [
      'update',
      'customer',
      '--name',
      '张先生',
      '--updates',
      JSON.stringify({ name: 'x'.repeat(201) }),
    ],
    exit: 2,
    says: /^customer name is 201 characters; the limit is 200/,
  },
  {
    edge: 'a field over 64 KB in --data',
    args: () => [
      'create',
      'customer',
      '--data',
      JSON.stringify({ ...CUSTOMER, name: 'n', background: 'b'.repeat(70_000) }),
    ],
    exit: 2,
    says: /^customer field "background" is 68\.4 KB; the limit is 64 KB per field/,
  },
  {
    edge: 'a --file over 16 MB',
    args: ({ dir }) => ['create', 'customer', '--file', join(dir, 'huge.json')],
    exit: 2,
    says: /^--file .*huge\.json is 17 MB; the limit is 16 MB/,
  },
  {
    edge: 'an error naming a value with escape sequences',
    args: () => ['read', 'customer', '--name', 'x\u001b[2J\u202e'],
    exit: 1,
    says: /^No customer named "x\\x1b\[2J\\u202e"/,
  },
];

/**
 * The first edge of each exit code goes through a real `cs` process, to its exit status; the
 * others run in the test process (the same built code, its own stderr and exit code).
 */
const THROUGH_A_PROCESS = new Set([1, 2].map((exit) => EDGES.find((e) => e.exit === exit)));

/** Stderr of a failed command: exactly one line, `cs: ...`, no stack, no raw control character. */
function expectOneLine(stderr: string): string {
  const lines = stderr.split('\n');
  expect(lines.at(-1), 'stderr ends with a newline').toBe('');
  expect(lines, 'exactly one line on stderr').toHaveLength(2);
  const line = lines[0] as string;
  expect(line.startsWith('cs: ')).toBe(true);
  expect(line).not.toMatch(/unexpected error|\n\s+at /);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
  expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  return line.slice(4);
}

/** Every file below a folder, to show a command wrote nothing. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * A copied database's index is rebuilt on its first lookup (a cache that checks folder times):
 * done once before a test that checks nothing is written, so it is judged on its own writes.
 */
async function warmIndex(db: string): Promise<void> {
  for (const type of ['product', 'customer', 'operator'])
    await runCsInProcess(['list', '--type', type, '--db', db]);
}

describe('cs at its edges', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;

  beforeAll(async () => {
    tmp = await tempDb();
    await seedRecords(tmp.db);
    await warmIndex(tmp.db);
    const customer = (extra: string) =>
      `{"name":"n","phone":"13700000001","type":"new","background":"b","communication_style":"c","special_needs":"n",${extra}}`;
    await Promise.all([
      writeFile(join(tmp.dir, 'a-file'), 'not a folder'),
      writeFile(join(tmp.dir, 'deep.json'), customer(`"x":${'['.repeat(200_000)}${']'.repeat(200_000)}`)),
      writeFile(
        join(tmp.dir, 'long-name.json'),
        JSON.stringify({ ...CUSTOMER, name: 'N'.repeat(10 * 1024 * 1024) }),
      ),
      writeFile(join(tmp.dir, 'huge.json'), ' '.repeat(17 * 1024 * 1024)),
    ]);
  });
  afterAll(async () => tmp.cleanup());

  it.each(EDGES)('$edge: exit $exit with one clear cs: line', async (edge) => {
    const { args, exit, says } = edge;
    const before = await filesBelow(tmp.db);
    const argv = args({ db: tmp.db, dir: tmp.dir });
    const run = THROUGH_A_PROCESS.has(edge) ? runCs : runCsInProcess;
    const r = await run(argv.includes('--db') ? argv : [...argv, '--db', tmp.db]);
    expect(r.code, r.stderr).toBe(exit);
    expect(expectOneLine(r.stderr)).toMatch(says);
    expect(r.stdout).toBe('');
    expect(await filesBelow(tmp.db)).toEqual(before);
  });

  it('shows record names with escape sequences escaped in text, and as they are in JSON', async () => {
    const name = '坏\u001b[2J\u001b]0;owned\u0007名\u202e';
    const created = await runCsInProcess([
      'create',
      'customer',
      '--db',
      tmp.db,
      '--data',
      JSON.stringify({ ...CUSTOMER, phone: '13700000077', name }),
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('坏\\x1b[2J\\x1b]0;owned\\x07名\\u202e');
    for (const args of [
      ['list', '--type', 'customer'],
      ['read', 'customer', '--phone', '13700000077'],
    ]) {
      const text = await runCsInProcess([...args, '--db', tmp.db]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain('坏\\x1b[2J');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the raw sequences must not be printed
      expect(text.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    }
    const json = await runCsInProcess([
      'read',
      'customer',
      '--phone',
      '13700000077',
      '--json',
      '--db',
      tmp.db,
    ]);
    expect(JSON.parse(json.stdout).name).toBe(name);
  });

  it('prints the call start block and the caller’s lines escaped in cs call', async () => {
    const r = await runCsInProcess(
      [
        'call',
        '--db',
        tmp.db,
        '--product',
        PRODUCT,
        '--operator',
        OPERATOR,
        '--phone',
        '13800138000',
        '--agent',
        'rules',
      ],
      { input: '你好\u001b[31m红色\u202e\n结束通话\n' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('客户: 你好\\x1b[31m红色\\u202e');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the raw sequences must not be printed
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
  });
});

/** Starts `cs mock-server --port 0` and reads the URL it prints. */
async function startMockServer(
  db: string,
  extra: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [CS_BIN, 'mock-server', '--port', '0', '--db', db, '--json', ...extra],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /"url":\s*"([^"]+)"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`mock-server exited with ${code}`)));
  });
  return { url, child };
}

describe('cs mock-server', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;

  beforeAll(async () => {
    tmp = await tempDb();
    await seedRecords(tmp.db);
    await warmIndex(tmp.db);
  });
  afterAll(async () => tmp.cleanup());

  /** 500 GETs for phones no customer has, 50 at a time; returns the statuses. */
  async function strangers(url: string): Promise<number[]> {
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const phones = Array.from(
        { length: 50 },
        (_, i) => `1390000${String(batch * 50 + i).padStart(4, '0')}`,
      );
      statuses.push(
        ...(await Promise.all(
          phones.map(async (p) => {
            const res = await fetch(`${url}/api/user/${p}/subscriptions`);
            await res.arrayBuffer();
            return res.status;
          }),
        )),
      );
    }
    return statuses;
  }

  it('answers 404 to 500 unknown phones and writes no state; a known caller is answered', async () => {
    const before = await filesBelow(tmp.db);
    const { url, child } = await startMockServer(tmp.db);
    try {
      const statuses = await strangers(url);
      expect(statuses).toHaveLength(500);
      expect(statuses.every((s) => s === 404)).toBe(true);
      const unknown = await fetch(`${url}/api/user/13900000001/subscriptions`);
      expect(await unknown.json()).toMatchObject({ error: { code: 'E_NOT_FOUND' } });
      const known = await fetch(`${url}/api/user/13800138000/subscriptions`);
      expect(known.status).toBe(200);
      expect(await known.json()).toHaveProperty('subscriptions');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await filesBelow(tmp.db)).toEqual(before);
  });

  it('with --any-caller answers every phone, still writing nothing', async () => {
    const before = await filesBelow(tmp.db);
    const { url, child } = await startMockServer(tmp.db, ['--any-caller']);
    try {
      const statuses = await strangers(url);
      expect(statuses.every((s) => s === 200)).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await filesBelow(tmp.db)).toEqual(before);
  });
});

warnPgSkipped('cs --phone edges on PostgreSQL');

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('cs --phone edges on PostgreSQL'), () => {
  const schema = freshSchemaName();
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes('?') ? '&' : '?'}schema=${schema}`;

  beforeAll(async () => seedRecords(url));
  afterAll(async () => dropSchema(schema));

  it.each([
    ['query', ['query', '--product', PRODUCT, '--phone', 'abc', '--interface', 'user_subscription']],
    ['read', ['read', 'customer', '--phone', 'abc']],
    ['session start', ['session', 'start', '--product', PRODUCT, '--operator', OPERATOR, '--phone', 'abc']],
  ])('%s --phone abc exits 2 with one line', async (_name, args) => {
    const r = await runCs([...args, '--db', url]);
    expect(r.code, r.stderr).toBe(2);
    expect(expectOneLine(r.stderr)).toMatch(/"abc" is not a phone number/);
    expect(r.stdout).toBe('');
  });
});
