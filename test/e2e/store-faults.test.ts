import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from '../contract/pg-test-schema.js';
import { SHARED, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';

// Faults an attacker or a tester found, each reproduced through the built CLI (issue 10).

warnPgSkipped('cs migrate re-run and cs doctor on PostgreSQL');

const ZHANG = 'customers/4f064bfb_张先生';
const LI = 'customers/89f8127c_李女士';
const SESSION = 'history/cs_20260125_001_abc123';

let tmp: Awaited<ReturnType<typeof tempDb>>;
let db: string;

// The commands run in the test process (runCsInProcess: the built cs with its own streams and
// exit code); the killed writers are stand-ins (a lock or temp folder of a pid that is gone).
beforeEach(async () => {
  tmp = await tempDb();
  db = tmp.db;
  await cp(join(SHARED, 'fixtures', 'legacy-db', 'customer_service'), db, { recursive: true });
});
afterEach(async () => {
  await tmp.cleanup();
});

const cs = (...args: string[]) => runCsInProcess([...args, '--db', db]);
const call = (phone: string) =>
  runCsInProcess(
    [
      'call',
      '--db',
      db,
      '--product',
      '会员订阅服务',
      '--operator',
      'HEAR策略',
      '--phone',
      phone,
      '--agent',
      'rules',
    ],
    { input: '你好，我想问一下会员的事\n结束通话\n' },
  );
const readJson = async (file: string) => JSON.parse(await readFile(join(db, file), 'utf8'));
async function editJson(file: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json = await readJson(file);
  edit(json);
  await writeFile(join(db, file), JSON.stringify(json, null, 2));
}
const customerFolders = async () => (await readdir(join(db, 'customers'))).sort();

describe('cs with oddly typed fields', () => {
  it('saves a call for a customer whose phone is a number and whose history is not a list', async () => {
    await editJson(`${ZHANG}/info.json`, (j) => {
      j.phone = 13800138000;
      j.interaction_history = 'x';
    });
    const read = await cs('read', 'customer', '--phone', '13800138000', '--json');
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout).name).toBe('张先生');

    const result = await call('13800138000');
    expect(result.code, result.stderr).toBe(0);
    const after = await readJson(`${ZHANG}/info.json`);
    expect(after.phone).toBe('13800138000');
    expect(after.interaction_history_legacy).toBe('x');
    expect(after.interaction_history).toHaveLength(1);
    expect(await customerFolders()).toHaveLength(2);
  });

  it('updates such a customer and writes the phone back as text', async () => {
    await editJson(`${LI}/info.json`, (j) => {
      j.phone = 13912345678;
    });
    const r = await cs('update', 'customer', '--phone', '13912345678', '--updates', '{"background":"新"}');
    expect(r.code, r.stderr).toBe(0);
    expect((await readJson(`${LI}/info.json`)).phone).toBe('13912345678');
  });
});

describe('cs with a corrupt info.json', () => {
  beforeEach(async () => {
    await writeFile(
      join(db, ZHANG, 'info.json'),
      '{\n  "name": "张先生",\n  "phone": "13800138000",\n  "type": ',
    );
  });

  it('reports the caller as corrupt instead of creating a second customer with the phone', async () => {
    const r = await call('13800138000');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(ZHANG, 'info.json'));
    expect(r.stderr).toMatch(/Corrupt|损坏/);
    expect(r.stderr).toContain('cs doctor');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await customerFolders()).toEqual(['4f064bfb_张先生', '89f8127c_李女士']);
  });

  it('refuses to create a customer with the phone of the damaged one', async () => {
    const data = {
      name: '冒名',
      phone: '13800138000',
      type: 'new',
      background: 'x',
      communication_style: 'x',
      special_needs: 'x',
    };
    const r = await cs('create', 'customer', '--data', JSON.stringify(data));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('13800138000');
    expect(await customerFolders()).toHaveLength(2);
  });

  it('keeps it in cs list, marked as corrupt', async () => {
    const r = await cs('list', '--type', 'customer');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/张先生 {2}\[4f064bfb\] {2}13800138000 {2}⚠ 已损坏 CORRUPT: .*info\.json/);
    expect(r.stdout).toContain('李女士');
    const json = JSON.parse((await cs('list', '--type', 'customer', '--json')).stdout);
    expect(json.find((c: { id: string }) => c.id === '4f064bfb').corrupt).toContain('info.json');
  });
});

describe('cs with a corrupt session.json', () => {
  beforeEach(async () => {
    await cp(join(db, SESSION), join(db, 'history', 'cs_20260125_002_def456'), { recursive: true });
    await editJson('history/cs_20260125_002_def456/session.json', (j) => {
      j.session_id = 'cs_20260125_002_def456';
      j.customer = '李女士';
    });
    // Cut short as a crash of another tool would leave it: the head is still readable as text.
    await writeFile(
      join(db, SESSION, 'session.json'),
      '{"session_id": "cs_20260125_001_abc123", "customer": "张先生", "conver',
    );
  });

  it('still lists the other sessions and marks the damaged one', async () => {
    const r = await cs('history', 'list');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^cs_20260125_001_abc123 {2}⚠ 已损坏 CORRUPT: .*session\.json/);
    expect(lines[1]).toMatch(/^cs_20260125_002_def456 .*李女士/);
  });

  it('does not block a delete', async () => {
    const r = await cs('delete', 'operator', '--name', 'LAST策略', '--yes');
    expect(r.code, r.stderr).toBe(0);
    // The damaged session's text still names 张先生: deleting him still asks for --force.
    const refused = await cs('delete', 'customer', '--name', '张先生', '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
  });
});

describe('cs after a writer was killed', () => {
  it('takes over at once a lock whose holder is dead', async () => {
    const lock = join(db, '.locks', 'record-customer-89f8127c.lock');
    await mkdir(lock, { recursive: true });
    await writeFile(
      join(lock, 'owner.json'),
      JSON.stringify({ host: hostname(), pid: 2 ** 22 + 321, started: 1, token: 'gone' }),
    );
    const started = Date.now();
    const r = await cs('update', 'customer', '--id', '89f8127c', '--updates', '{"background":"锁后"}');
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000); // the stale time alone is 10 s
  });

  it('sweeps an interrupted temp folder on the next write', async () => {
    const leftover = join(db, '.tmp', 'new-Zz99Yy');
    await mkdir(leftover, { recursive: true });
    await writeFile(join(leftover, 'info.json'), '{"name":"半个"}');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(leftover, old, old);
    const r = await cs('create', 'operator', '--mock', '--seed', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(join(db, '.tmp'))).toEqual([]);
  });
});

describe('cs export', () => {
  it('resumes an export interrupted half-way and says what it wrote and skipped', async () => {
    const target = join(tmp.dir, 'exported');
    const first = await cs('export', '--to', target);
    expect(first.code, first.stderr).toBe(0);
    // As a kill mid-export leaves it: a record folder without its info.json, no index.
    await rm(join(target, LI, 'info.json'));
    await rm(join(target, '.index'), { recursive: true, force: true });

    const again = await cs('export', '--to', target, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ records: 1, updated: 0, unchanged: 4 });
    expect(await readFile(join(target, LI, 'info.json'), 'utf8')).toBe(
      await readFile(join(db, LI, 'info.json'), 'utf8'),
    );
    const human = await cs('export', '--to', target);
    expect(human.stdout).toMatch(/0 created, 0 updated, 5 unchanged/);
  });
});

describe('cs doctor', () => {
  it('says a healthy database is healthy', async () => {
    const r = await cs('doctor');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No problems found/);
  });

  it('lists each problem with its file and repair, exits 1, and repairs what --fix can', async () => {
    await editJson(`${LI}/info.json`, (j) => {
      j.phone = 13912345678;
    });
    await writeFile(join(db, SESSION, 'session.json'), '{');
    await mkdir(join(db, '.tmp', 'new-Old111'), { recursive: true });
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(join(db, '.tmp', 'new-Old111'), old, old);

    const found = await cs('doctor');
    expect(found.code).toBe(1);
    expect(found.stdout).toContain(`✗ ${LI}/info.json: phone is stored as the number`);
    expect(found.stdout).toContain(`✗ ${SESSION}/session.json: damaged`);
    expect(found.stdout).toContain('✗ .tmp/new-Old111');

    const fixed = await cs('doctor', '--fix', '--json');
    expect(fixed.code).toBe(1); // the damaged session needs a person (or --move-corrupt)
    const report = JSON.parse(fixed.stdout);
    expect(report.ok).toBe(false);
    expect(report.fixed.join('\n')).toMatch(/normalised the phone/);
    expect(report.problems.map((p: { kind: string }) => p.kind)).toEqual(['corrupt_session']);
    expect((await readJson(`${LI}/info.json`)).phone).toBe('13912345678');

    const moved = await cs('doctor', '--fix', '--move-corrupt');
    expect(moved.stdout).toMatch(/moved the damaged .*session\.json aside/);
    expect((await readdir(join(db, SESSION))).some((f) => f.startsWith('session.json.corrupt-'))).toBe(true);
  });
});

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('cs migrate and cs doctor on PostgreSQL'), () => {
  const schema = freshSchemaName();
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL?.includes('?') ? '&' : '?'}schema=${schema}`;
  let source: Awaited<ReturnType<typeof tempDb>>;

  beforeAll(async () => {
    source = await tempDb();
    await cp(join(SHARED, 'fixtures', 'legacy-db', 'customer_service'), source.db, { recursive: true });
  });
  afterAll(async () => {
    await dropSchema(schema);
    await source.cleanup();
  });

  it('a re-run of cs migrate updates the records changed since and says so', async () => {
    const first = await runCsInProcess(['migrate', '--from', source.db, '--to', url, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const edit = await runCsInProcess([
      'update',
      'customer',
      '--db',
      source.db,
      '--name',
      '李女士',
      '--updates',
      '{"background":"迁移后改的"}',
    ]);
    expect(edit.code, edit.stderr).toBe(0);
    const again = await runCsInProcess(['migrate', '--from', source.db, '--to', url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 created, 1 updated, 4 unchanged/);
    const read = await runCsInProcess(['read', 'customer', '--db', url, '--name', '李女士', '--json']);
    expect(JSON.parse(read.stdout).background).toBe('迁移后改的');
  });

  it('reads a phone stored as a number, saves calls and updates it as text', async () => {
    const odd = freshSchemaName();
    const oddUrl = url.replace(schema, odd);
    try {
      await editJson(`${LI}/info.json`, (j) => {
        j.phone = 13912345678;
        j.interaction_history = 'x';
      });
      const migrated = await runCsInProcess(['migrate', '--from', db, '--to', oddUrl]);
      expect(migrated.code, migrated.stderr).toBe(0);
      const doctor = await runCsInProcess(['doctor', '--db', oddUrl]);
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toMatch(/customer 89f8127c \(李女士\): phone is stored as the number/);

      const r = await runCsInProcess(
        [
          'call',
          '--db',
          oddUrl,
          '--product',
          '会员订阅服务',
          '--operator',
          'HEAR策略',
          '--phone',
          '13912345678',
        ],
        { input: '你好\n结束通话\n' },
      );
      expect(r.code, r.stderr).toBe(0);
      const read = await runCsInProcess([
        'read',
        'customer',
        '--db',
        oddUrl,
        '--phone',
        '13912345678',
        '--json',
      ]);
      const li = JSON.parse(read.stdout);
      expect(li.phone).toBe('13912345678');
      expect(li.interaction_history_legacy).toBe('x');
      expect((await runCsInProcess(['doctor', '--db', oddUrl])).code).toBe(0);
    } finally {
      await dropSchema(odd);
    }
  });

  it('cs doctor checks the records and says the file checks do not apply', async () => {
    const r = await runCsInProcess(['doctor', '--db', url]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/nothing to check here/);
    expect(r.stdout).toMatch(/No problems found/);
  });
});
