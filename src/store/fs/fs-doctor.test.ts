import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSessionReadme } from '../../render/render-session-readme.js';
import { checkFsStore } from './fs-doctor.js';
import { LOCK_OWNER_FILE } from './fs-lock-owner.js';
import { FsRecordStore } from './fs-record-store.js';
import { customerFields, makeTempDir, steppingClock } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-doctor-'));
  store = new FsRecordStore(dir, { clock: steppingClock() });
});
afterEach(async () => {
  await cleanup();
});

const session = (id: string) => ({
  session_id: id,
  product: 'P',
  customer: '张先生',
  operator: 'O',
  timestamp: '2026-01-25T09:00:00.000000',
  conversation: [],
  review: {
    resolution_status: 'resolved' as const,
    issue_summary: 'x',
    actions_taken: [],
    follow_up_required: false,
    customer_updates: {},
  },
});

const kinds = (report: { problems: Array<{ kind: string; file: string }> }) =>
  report.problems.map((p) => `${p.kind} ${p.file}`).sort();

/** A database with one of everything `cs doctor` looks for. */
async function damage(): Promise<{ zhang: string; li: string; wang: string; shared: string }> {
  const zhang = await store.create('customer', customerFields('张先生', '13800138000'));
  const li = await store.create('customer', customerFields('李女士', '13912345678'));
  const wang = await store.create('customer', customerFields('王五', '13700000000'));
  await store.importSession(session('cs_20260125_001_a'), renderSessionReadme(session('cs_20260125_001_a')));
  await store.summaries('customer'); // index written
  const folder = (r: { _id: string; name: string }) => `customers/${r._id}_${r.name}`;

  // phone as a number, history as text
  const liFile = join(dir, folder(li), 'info.json');
  const liJson = JSON.parse(await readFile(liFile, 'utf8'));
  await writeFile(
    liFile,
    JSON.stringify({ ...liJson, phone: 13912345678, interaction_history: 'x' }, null, 2),
  );
  // a second customer with Zhang's phone, written by hand, and a README lost
  const wangFile = join(dir, folder(wang), 'info.json');
  const wangJson = JSON.parse(await readFile(wangFile, 'utf8'));
  await writeFile(wangFile, JSON.stringify({ ...wangJson, phone: '138-0013-8000' }, null, 2));
  await rm(join(dir, folder(wang), 'README.md'));
  // a damaged record and a damaged session
  await writeFile(join(dir, folder(zhang), 'info.json'), '{"name": "张先生", "phone": "13800138000",');
  await writeFile(join(dir, 'history', 'cs_20260125_001_a', 'session.json'), '{');
  // an old temp folder, an old temp file, an abandoned lock
  await mkdir(join(dir, '.tmp', 'new-Ab12Cd'), { recursive: true });
  const old = new Date(Date.now() - 5 * 60_000);
  await utimes(join(dir, '.tmp', 'new-Ab12Cd'), old, old);
  await writeFile(join(dir, folder(li), 'info.json.123'), '{');
  await utimes(join(dir, folder(li), 'info.json.123'), old, old);
  await mkdir(join(dir, '.locks', 'type-customer.lock'), { recursive: true });
  await writeFile(
    join(dir, '.locks', 'type-customer.lock', LOCK_OWNER_FILE),
    JSON.stringify({ host: (await import('node:os')).hostname(), pid: 2 ** 22 + 5, started: 1, token: 't' }),
  );
  // Zhang (damaged, phone still readable in the text) and Wang now share a phone.
  const shared = [folder(zhang), folder(wang)].sort().join(', ');
  return { zhang: folder(zhang), li: folder(li), wang: folder(wang), shared };
}

describe('checkFsStore', () => {
  it('finds nothing wrong in a healthy database', async () => {
    await store.create('customer', customerFields('张先生', '13800138000'));
    const report = await checkFsStore(store);
    expect(report.problems).toEqual([]);
    expect(report.checked.records).toBe(1);
  });

  it('lists each problem once with its file and repair', async () => {
    const f = await damage();
    const report = await checkFsStore(store);
    expect(kinds(report)).toEqual(
      [
        `corrupt_record ${f.zhang}/info.json`,
        'corrupt_session history/cs_20260125_001_a/session.json',
        `duplicate_phone ${f.shared}`,
        `history_not_list ${f.li}/info.json`,
        'index_stale .index/customer',
        `leftover_temp ${f.li}/info.json.123`,
        'leftover_temp .tmp/new-Ab12Cd',
        `missing_readme ${f.wang}/README.md`,
        `phone_not_text ${f.li}/info.json`,
        'stale_lock .locks/type-customer.lock',
      ].sort(),
    );
    for (const p of report.problems) {
      expect(p.problem.length).toBeGreaterThan(0);
      expect(p.repair.length).toBeGreaterThan(0);
    }
    expect(report.fixed).toEqual([]);
  });

  it('repairs what is safe with fix, leaves damaged files unless told to move them, deletes nothing', async () => {
    const f = await damage();
    const report = await checkFsStore(store, { fix: true });
    expect(kinds(report)).toEqual(
      [
        `corrupt_record ${f.zhang}/info.json`,
        'corrupt_session history/cs_20260125_001_a/session.json',
        `duplicate_phone ${f.shared}`,
      ].sort(),
    );
    expect(report.fixed.join('\n')).toMatch(/normalised the phone/);
    const li = JSON.parse(await readFile(join(dir, f.li, 'info.json'), 'utf8'));
    expect(li.phone).toBe('13912345678');
    expect(li.interaction_history).toEqual([]);
    expect(li.interaction_history_legacy).toBe('x');
    expect(await readdir(join(dir, f.wang))).toContain('README.md');
    expect(await readdir(join(dir, '.locks'))).toEqual([]);
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    // The damaged files are still where they were.
    expect(await readFile(join(dir, f.zhang, 'info.json'), 'utf8')).toMatch(/^\{"name"/);
  });

  it('moves damaged files aside with moveCorrupt, then says what is left to do by hand', async () => {
    const f = await damage();
    const report = await checkFsStore(store, { fix: true, moveCorrupt: true });
    const moved = (await readdir(join(dir, f.zhang))).filter((n) => n.startsWith('info.json.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(await readFile(join(dir, f.zhang, moved[0]!), 'utf8')).toMatch(/^\{"name"/);
    expect(kinds(report)).toEqual(
      [`missing_info ${f.zhang}/info.json`, 'missing_session history/cs_20260125_001_a/session.json'].sort(),
    );
    expect(report.problems[0]?.repair).toMatch(/rename it to/);
    // The damaged customer is out of the store: its phone now leads to the one left with it.
    expect((await store.findCustomerByPhone('13800138000'))?.name).toBe('王五');
  });

  it('reports two customers sharing a phone, and leaves the choice to a person', async () => {
    const a = await store.create('customer', customerFields('A', '13800138000'));
    const b = await store.create('customer', customerFields('B', '13900000000'));
    const file = join(dir, 'customers', `${b._id}_B`, 'info.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...json, phone: '+86 138 0013 8000' }));
    const report = await checkFsStore(store, { fix: true });
    const dup = report.problems.find((p) => p.kind === 'duplicate_phone');
    expect(dup?.problem).toContain('13800138000');
    expect(dup?.problem).toContain(a._id);
    expect(dup?.fix).toBe(false);
  });
});
