import { appendFile, cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../domain/session-schemas.js';
import { FsRecordStore } from './fs-record-store.js';
import { makeTempDir } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-session-index-'));
  store = new FsRecordStore(dir);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const session = (id: string, customer = '张先生'): SessionRecord => ({
  session_id: id,
  product: '会员订阅服务',
  customer,
  operator: 'HEAR策略',
  timestamp: '2026-11-25T10:00:00.000000',
  conversation: [],
  review: {
    resolution_status: 'resolved',
    issue_summary: 'x',
    actions_taken: [],
    follow_up_required: false,
    customer_updates: {},
  },
});

const save = (date = '20261125', customer = '张先生') =>
  store.saveSession({ date, tag: 't', build: (id) => session(id, customer), readme: () => '#\n' });

/** Copies a saved session to a new folder by hand, naming itself after the folder. */
async function copySession(from: string, to: string): Promise<void> {
  await cp(join(dir, 'history', from), join(dir, 'history', to), { recursive: true });
  const file = join(dir, 'history', to, 'session.json');
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), session_id: to }));
}

const ids = async () => (await store.listSessions()).map((s) => s.session_id);
const indexDir = () => join(dir, '.index', 'sessions');

describe('FsSessionIndex through the file store', () => {
  it('keeps one line per session in the day file and the day’s last seq in a counter', async () => {
    for (let i = 0; i < 3; i++) await save();
    await save('20261126');
    const lines = (await readFile(join(indexDir(), '20261125.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).session_id)).toEqual([
      'cs_20261125_001_t',
      'cs_20261125_002_t',
      'cs_20261125_003_t',
    ]);
    expect(await readFile(join(indexDir(), '20261125.seq'), 'utf8')).toBe('3');
    expect(await readFile(join(indexDir(), '20261126.seq'), 'utf8')).toBe('1');
  });

  it('numbers from the counter, and after a folder added by hand with a higher seq', async () => {
    await save();
    await copySession('cs_20261125_001_t', 'cs_20261125_007_hand');
    expect((await save()).sessionId).toBe('cs_20261125_008_t');
    expect(await ids()).toEqual(['cs_20261125_001_t', 'cs_20261125_007_hand', 'cs_20261125_008_t']);
  });

  it('numbers on from the day file when the counter is lost', async () => {
    await save();
    await save();
    await rm(join(indexDir(), '20261125.seq'));
    expect((await save()).sessionId).toBe('cs_20261125_003_t');
  });

  it('notices folders removed or renamed by hand', async () => {
    await save();
    await save();
    await rm(join(dir, 'history', 'cs_20261125_001_t'), { recursive: true });
    expect(await ids()).toEqual(['cs_20261125_002_t']);
    await rename(join(dir, 'history', 'cs_20261125_002_t'), join(dir, 'history', 'cs_20261127_001_moved'));
    expect(await store.listSessions({ date: '20261125' })).toEqual([]);
    expect((await store.listSessions({ date: '20261127' })).map((r) => r.session_id)).toEqual([
      'cs_20261125_002_t',
    ]);
  });

  it('is rebuilt from history/ when it is lost, and lists legacy folders that carry no day', async () => {
    await save();
    await cp(join(dir, 'history', 'cs_20261125_001_t'), join(dir, 'history', 'copied-by-hand'), {
      recursive: true,
    });
    await rm(join(dir, '.index'), { recursive: true });
    const rows = await store.listSessions();
    expect(rows.map((r) => r.session_id)).toEqual(['cs_20261125_001_t', 'cs_20261125_001_t']);
    expect(await store.listSessions({ since: '20200101' })).toHaveLength(1);
    expect((await readdir(indexDir())).sort()).toEqual([
      '20261125.jsonl',
      '20261125.seq',
      'customers.journal',
      'meta.json',
      'other.jsonl',
    ]);
  });

  it('shows a session.json edited in place as it is now', async () => {
    await save();
    const file = join(dir, 'history', 'cs_20261125_001_t', 'session.json');
    const edited = { ...JSON.parse(await readFile(file, 'utf8')), customer: '张伟' };
    await writeFile(file, JSON.stringify(edited, null, 2));
    expect((await store.listSessions())[0]?.customer).toBe('张伟');
    // The index heals, so the next listing finds it by the new name too.
    expect((await store.listSessions({ customer: '张伟' })).map((r) => r.session_id)).toEqual([
      'cs_20261125_001_t',
    ]);
  });

  it('keeps a line whole after a torn one a crash left', async () => {
    await save();
    await appendFile(join(indexDir(), '20261125.jsonl'), '\n{"session_id":"cs_2026112');
    await save();
    expect(await ids()).toEqual(['cs_20261125_001_t', 'cs_20261125_002_t']);
  });

  it('rebuilds on demand, reading every session again', async () => {
    await save();
    await writeFile(join(indexDir(), '20261125.jsonl'), '');
    expect(await ids()).toEqual([]);
    await store.rebuildSessionIndex();
    expect(await ids()).toEqual(['cs_20261125_001_t']);
  });
});

describe('a filtered listing over the day files', () => {
  const saveWith = (date: string, fields: Partial<SessionRecord>, status = 'resolved') =>
    store.saveSession({
      date,
      tag: 't',
      build: (id) => {
        const base = session(id);
        return { ...base, ...fields, review: { ...base.review, resolution_status: status } } as SessionRecord;
      },
      readme: () => '#\n',
    });

  beforeEach(async () => {
    await saveWith('20261101', { customer: 'Zhang Wei', customer_phone: '138-0013-8000' });
    await saveWith('20261102', { customer: '李女士', product: 'VIP Plan' }, 'unresolved');
    await saveWith('20261103', { customer: 'ΣΟΦΙΑ' });
    await saveWith('20261104', { customer: '张先生' });
  });

  it.each([
    ['a name in another case', { customer: 'zhang wei' }, ['cs_20261101_001_t']],
    ['part of a name in capitals', { customer: 'ZHANG' }, ['cs_20261101_001_t']],
    ['a Greek name in small letters', { customer: 'σοφια' }, ['cs_20261103_001_t']],
    ['part of a phone', { customer: '13800138' }, ['cs_20261101_001_t']],
    ['a Chinese name', { customer: '女士' }, ['cs_20261102_001_t']],
    ['a product in small letters', { product: 'vip' }, ['cs_20261102_001_t']],
    ['a status', { status: 'unresolved' }, ['cs_20261102_001_t']],
    ['a name and a status that never meet', { customer: '张先生', status: 'unresolved' }, []],
    ['a name nobody has', { customer: '王' }, []],
  ])('finds sessions by %s, passing over the days that hold none', async (_, filter, expected) => {
    expect((await store.listSessions(filter)).map((r) => r.session_id)).toEqual(expected);
  });

  it('still lists a damaged session whose text holds what the filter asks for', async () => {
    const file = join(dir, 'history', 'cs_20261104_001_t', 'session.json');
    await writeFile(file, '{"customer": "张先生", "oops"');
    await store.rebuildSessionIndex();
    const rows = await store.listSessions({ customer: '张先生' });
    expect(rows.map((r) => [r.session_id, r.corrupt !== undefined])).toEqual([['cs_20261104_001_t', true]]);
    expect(await store.listSessions({ customer: '王' })).toEqual([]);
  });
});

describe('reading the day files', () => {
  it('reads a day file longer than the buffer it starts with, and the days after it', async () => {
    const long = (c: string) => c.repeat(30_000);
    // Newest first: the long day is read first, the others into the buffer it grew.
    await save('20261124', long('d'));
    await save('20261125', '张先生');
    for (const c of ['a', 'b', 'c']) await save('20261126', long(c));
    expect((await readFile(join(indexDir(), '20261126.jsonl'))).length).toBeGreaterThan(64 * 1024);
    const rows = await store.listSessions();
    expect(rows.map((r) => r.customer.slice(0, 2) + r.customer.length)).toEqual([
      'dd30000',
      '张先3',
      'aa30000',
      'bb30000',
      'cc30000',
    ]);
    expect((await store.listSessions({ customer: 'DD' })).map((r) => r.session_id)).toEqual([
      'cs_20261124_001_t',
    ]);
  });
});
