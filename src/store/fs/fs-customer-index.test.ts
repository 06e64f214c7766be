import { execFileSync } from 'node:child_process';
import { appendFile, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isValidPhone } from '../../domain/phone.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { SessionFilter } from '../session-archive.js';
import { dayMatches, parseSessionFilter, type SessionFacts, sessionMatches } from '../session-filter.js';
import { FsCustomerIndex } from './fs-customer-index.js';
import { FsRecordStore } from './fs-record-store.js';
import { customerFields, makeTempDir } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
let store: FsRecordStore;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-customer-index-'));
  store = new FsRecordStore(dir);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const indexDir = () => join(dir, '.index', 'sessions');
const customerFiles = async () => (await readdir(indexDir())).filter((f) => f.startsWith('customers.'));

interface Caller {
  name: string;
  phone?: string;
  id?: string;
}

const day = (d: number) => `202611${String(d + 1).padStart(2, '0')}`;

function save(date: string, caller: Caller, i: number) {
  return store.saveSession({
    date,
    tag: `t${i}`,
    build: (id): SessionRecord => ({
      session_id: id,
      product: ['会员订阅服务', 'Cloud Storage', '外卖平台'][i % 3] as string,
      customer: caller.name,
      ...(caller.id === undefined ? {} : { customer_id: caller.id }),
      ...(caller.phone === undefined ? {} : { customer_phone: caller.phone }),
      operator: 'HEAR策略',
      timestamp: '2026-11-25T10:00:00.000000',
      conversation: [],
      review: {
        resolution_status: (['resolved', 'unresolved', 'interrupted'] as const)[i % 3] ?? 'resolved',
        issue_summary: 'x',
        actions_taken: [],
        follow_up_required: false,
        customer_updates: {},
      },
    }),
    readme: () => '#\n',
  });
}

/** Every saved session's id and its fields a filter looks at, read from its own session.json. */
async function everySession(): Promise<Array<{ id: string; facts: SessionFacts }>> {
  const out: Array<{ id: string; facts: SessionFacts }> = [];
  for (const row of await store.listSessions()) {
    const s = await store.getSession(row.session_id);
    if (!s) continue;
    out.push({
      id: s.session_id,
      facts: {
        customer: s.customer,
        customer_id: s.customer_id,
        customer_phone: s.customer_phone,
        product: s.product,
        product_id: s.product_id,
        resolution_status: s.review?.resolution_status,
      },
    });
  }
  return out;
}

/**
 * What a listing that reads every session gives: each session's own fields matched by the
 * filter (the rule every store uses), the newest `limit` of them, oldest first.
 */
async function everySessionRead(
  filter: SessionFilter,
  sessions?: Array<{ id: string; facts: SessionFacts }>,
): Promise<string[]> {
  const parsed = parseSessionFilter(filter);
  const phone = parsed.customer?.phone;
  const holder =
    phone !== undefined && isValidPhone(phone) ? (await store.findCustomerByPhone(phone))?._id : undefined;
  const ids = (sessions ?? (await everySession()))
    .filter(({ id, facts }) => dayMatches(id.slice(3, 11), parsed) && sessionMatches(facts, parsed, holder))
    .map(({ id }) => id);
  return filter.limit === undefined ? ids : ids.slice(-filter.limit);
}

/**
 * A database of many customers over 30 days: names in several scripts and cases, phones in
 * several formats or none, customers with records (found by their phone when a session has
 * none) and one renamed halfway through.
 */
async function saveManyCustomers(): Promise<{ renamed: string; holderPhone: string }> {
  const renamed = (await store.create('customer', customerFields('王建国', '13700000007')))._id;
  const holder = (await store.create('customer', customerFields('Ann Lee', '13600000006')))._id;
  const callers: Caller[] = [
    { name: 'Zhang Wei', phone: '138-0013-8000' },
    { name: 'ZHANG Min', phone: '+86 139 0000 0001' },
    { name: '张先生1', phone: '13800000001' },
    { name: '张先生12', phone: '13800000012' },
    { name: '李女士', phone: '15000000003' },
    { name: 'ΣΟΦΙΑ', phone: '0086 186 0000 0004' },
    { name: 'İlker' },
    { name: 'Li "Ace" Na', phone: '18900000005' },
    { name: 'Ann Lee', id: holder },
  ];
  let i = 0;
  for (let d = 0; d < 30; d++) {
    for (let k = 0; k < 4; k++, i++) {
      // Each caller on about one day in three, at a different place in each day.
      const caller = callers[(d * 7 + k * 5) % callers.length] as Caller;
      await save(day(d), caller, i);
    }
    if (d % 3 === 0) {
      const name = d < 15 ? '王建国' : '王建华';
      await save(day(d), { name, id: renamed, ...(d % 2 === 0 ? { phone: '13700000007' } : {}) }, i++);
    }
  }
  return { renamed, holderPhone: '13600000006' };
}

const FILTERS = (renamed: string, holderPhone: string): SessionFilter[] => [
  { customer: 'zhang' },
  { customer: 'ZHANG WEI' },
  { customer: '张先生1' },
  { customer: '张先生1', limit: 3 },
  { customer: '张' },
  { customer: 'σοφια' },
  { customer: 'İLKER' },
  { customer: 'ace' },
  { customer: '"Ace"' },
  { customer: '王建' },
  { customer: '王建国' },
  { customer: '王建华' },
  { customer: renamed },
  { customer: '13700000007' },
  { customer: holderPhone },
  { customer: '138-0013' },
  { customer: '0013' },
  { customer: '+86 139 0000 0001' },
  { customer: '1860000' },
  { customer: '2026' },
  { customer: '1380', limit: 5 },
  { customer: 'zhang', product: 'cloud' },
  { customer: '张', status: 'unresolved' },
  { customer: '张', since: '20261105', until: '20261112' },
  { customer: '13800000001', date: '20261120' },
  { customer: 'nobody' },
];

async function expectSameRows(filters: SessionFilter[]): Promise<void> {
  const sessions = await everySession();
  for (const filter of filters) {
    const listed = (await store.listSessions(filter)).map((r) => r.session_id);
    expect({ filter, rows: listed }).toEqual({ filter, rows: await everySessionRead(filter, sessions) });
  }
}

/** The days the customer index has a `--customer` listing read (all the days there are given). */
async function daysRead(customer: string): Promise<string[] | undefined> {
  const days = (await readdir(indexDir()))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
  const text = parseSessionFilter({ customer }).customer;
  if (!text) throw new Error('no customer filter');
  return new FsCustomerIndex(indexDir()).daysToRead(days, text, undefined);
}

const metaPath = () => join(indexDir(), 'meta.json');
const readMeta = async () => JSON.parse(await readFile(metaPath(), 'utf8')) as Record<string, unknown>;

/** meta.json as a build without the customer index writes it. */
async function metaOfAnOlderBuild(): Promise<void> {
  const { customers: _, ...rest } = await readMeta();
  await writeFile(metaPath(), JSON.stringify(rest));
}

/** One database of many customers (`saveManyCustomers`), copied for each test that uses it. */
let template: { dir: string; cleanup: () => Promise<void>; made: { renamed: string; holderPhone: string } };
beforeAll(async () => {
  const temp = await makeTempDir('cs-customer-index-template-');
  const outer = { dir, store };
  dir = temp.dir;
  store = new FsRecordStore(dir);
  try {
    template = { ...temp, made: await saveManyCustomers() };
  } finally {
    await store.close();
    ({ dir, store } = outer);
  }
});
afterAll(() => template.cleanup());

async function manyCustomers(): Promise<{ renamed: string; holderPhone: string }> {
  // `cp -a` keeps every mtime to the nanosecond: the copy is the database as it was saved.
  execFileSync('cp', ['-a', `${template.dir}/.`, dir]);
  return template.made;
}

describe('FsCustomerIndex through the file store', () => {
  it('lists exactly the rows of reading every session, for names, phones, ids and a renamed customer', async () => {
    const { renamed, holderPhone } = await manyCustomers();
    expect(await customerFiles()).toEqual(['customers.journal']);
    expect(typeof (await readMeta()).customers).toBe('string');
    await expectSameRows(FILTERS(renamed, holderPhone));
    // Filters without a customer, whose lines are found in the day files' bytes too.
    await expectSameRows([
      { product: '外卖' },
      { product: 'CLOUD', limit: 4 },
      { status: 'unresolved', since: '20261120' },
      { product: '会员', status: 'interrupted' },
    ]);
  });

  it('has a listing read only the days where the customer appears', async () => {
    await manyCustomers();
    const expected = (await everySessionRead({ customer: '15000000003' })).map((id) => id.slice(3, 11));
    expect(expected.length).toBeGreaterThan(0);
    expect(await daysRead('15000000003')).toEqual([...new Set(expected)]);
    expect(await daysRead('nobody')).toEqual([]);
  });

  it('folds its journal into the index as saves go on, and lists the same', async () => {
    const { renamed, holderPhone } = await manyCustomers();
    // Long names fill the journal quickly.
    for (let i = 0; i < 40; i++) {
      await save(day(i % 30), { name: `客户${i}${'长'.repeat(400)}`, phone: `1510000${i}` }, 1000 + i);
    }
    expect((await customerFiles()).sort()).toEqual(['customers.index', 'customers.journal']);
    expect((await stat(join(indexDir(), 'customers.journal'))).size).toBeLessThan(32 * 1024);
    await expectSameRows([
      ...FILTERS(renamed, holderPhone),
      { customer: '客户19' },
      { customer: '15100001' },
    ]);
    expect(await daysRead('客户39')).toEqual([day(9)]);
  });

  it('lists an older database that has none, builds it then, and builds it on a rebuild', async () => {
    const { renamed, holderPhone } = await manyCustomers();
    const older = async () => {
      for (const f of await customerFiles()) await rm(join(indexDir(), f));
      await metaOfAnOlderBuild();
    };
    await older();
    await expectSameRows([{ customer: 'zhang' }]);
    expect(await customerFiles()).toContain('customers.index');
    expect(typeof (await readMeta()).customers).toBe('string');
    await expectSameRows(FILTERS(renamed, holderPhone));

    await older();
    await store.rebuildSessionIndex();
    expect(await customerFiles()).toContain('customers.journal');
    expect(typeof (await readMeta()).customers).toBe('string');
    await expectSameRows(FILTERS(renamed, holderPhone));
  });

  it('lists the same when a save stopped after recording its keys, or before meta.json', async () => {
    const { renamed, holderPhone } = await manyCustomers();
    // Keys recorded for a line never written: their day is read for nothing.
    await new FsCustomerIndex(indexDir()).record(day(3), [{ session_id: 'x', customer: '幽灵' }]);
    expect(await daysRead('幽灵')).toEqual([day(3)]);
    expect(await store.listSessions({ customer: '幽灵' })).toEqual([]);
    // A save whose meta.json was never written: the next listing repairs the index.
    const meta = await readFile(metaPath(), 'utf8');
    await save(day(29), { name: '新客户', phone: '17700000000' }, 500);
    await writeFile(metaPath(), meta);
    expect((await store.listSessions({ customer: '新客户' })).map((r) => r.customer)).toEqual(['新客户']);
    await expectSameRows([...FILTERS(renamed, holderPhone), { customer: '177000' }]);
  });

  it('is rebuilt when an older build saved or healed without it', async () => {
    const { renamed, holderPhone } = await manyCustomers();
    const journal = join(indexDir(), 'customers.journal');
    // A save by an older build: its line is in the day file, its keys nowhere.
    const before = await readFile(journal, 'utf8');
    await save(day(4), { name: '旧版本', phone: '17700000002' }, 700);
    await writeFile(journal, before);
    await metaOfAnOlderBuild();
    expect(await store.listSessions({ customer: '旧版本' })).toHaveLength(1);
    expect(await daysRead('旧版本')).toEqual([day(4)]);
    // A session edited in place, healed by an older build: its day file renamed into place with
    // the line as the session is now, meta.json untouched.
    const file = join(indexDir(), `${day(5)}.jsonl`);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    const first = JSON.parse(lines[0] as string) as { session_id: string };
    const session = join(dir, 'history', first.session_id, 'session.json');
    await writeFile(
      session,
      JSON.stringify({ ...JSON.parse(await readFile(session, 'utf8')), customer: '改过名' }),
    );
    const now = await stat(session);
    lines[0] = JSON.stringify({ ...first, customer: '改过名', file: [now.mtimeMs, now.size] });
    await writeFile(`${file}.tmp`, lines.join('\n'));
    await rename(`${file}.tmp`, file);
    // The rename moves the folder's mtime unless it falls within the same tick of the clock.
    const later = new Date(Date.now() + 5_000);
    await utimes(indexDir(), later, later);
    const listed = await store.listSessions({ customer: '改过名', date: day(5) });
    expect(listed.map((r) => r.session_id)).toHaveLength(1);
    expect(await daysRead('改过名')).toEqual([day(5)]);
    await expectSameRows(FILTERS(renamed, holderPhone));
  });

  it('reads every day when its files are torn', async () => {
    const { renamed, holderPhone } = await manyCustomers();
    await store.rebuildSessionIndex();
    await save(day(0), { name: '压缩前', phone: '17700000003' }, 800);
    await appendFile(join(indexDir(), 'customers.journal'), '\n{"d":"2026');
    await save(day(2), { name: '后来的', phone: '17700000001' }, 600);
    await expectSameRows([...FILTERS(renamed, holderPhone), { customer: '后来的' }]);
    // An index file cut short is not read: every day is.
    await new FsCustomerIndex(indexDir()).rebuild(Array.from({ length: 30 }, (_, d) => day(d)));
    const base = await readFile(join(indexDir(), 'customers.index'));
    await writeFile(join(indexDir(), 'customers.index'), base.subarray(0, base.length >> 1));
    expect(await daysRead('zhang')).toBeUndefined();
    await expectSameRows([...FILTERS(renamed, holderPhone), { customer: '后来的' }]);
  });

  it('finds a session edited in place as a listing that reads every day would, before and after it heals', async () => {
    await save(day(0), { name: '张先生', phone: '13800000000' }, 0);
    await save(day(1), { name: '李女士' }, 1);
    const file = join(dir, 'history', 'cs_20261101_001_t0', 'session.json');
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), customer: '赵六' }));
    // The day file still holds the old name: the new one is not found until a listing heals it,
    // and the old one no longer lists the session (its row is checked against the file).
    expect(await store.listSessions({ customer: '赵六' })).toEqual([]);
    expect(await store.listSessions({ customer: '张先生' })).toEqual([]);
    // That listing healed the line: the new name was recorded, and meta.json the folder's state
    // after it (else the next customer listing would rebuild the index).
    expect(await daysRead('赵六')).toEqual([day(0)]);
    expect((await readMeta()).customers).toBe(String((await stat(indexDir(), { bigint: true })).mtimeNs));
    expect((await store.listSessions({ customer: '赵六' })).map((r) => r.session_id)).toEqual([
      'cs_20261101_001_t0',
    ]);
    expect((await store.listSessions({ customer: '13800000000' })).map((r) => r.customer)).toEqual(['赵六']);
  });

  it('always reads a day holding a damaged session', async () => {
    await save(day(0), { name: '张先生' }, 0);
    await save(day(1), { name: '李女士' }, 1);
    await writeFile(
      join(dir, 'history', 'cs_20261102_001_t1', 'session.json'),
      '{"customer": "王五", "oops"',
    );
    await store.rebuildSessionIndex();
    // Found through the journal, then through the index it is folded into.
    expect(await daysRead('王五')).toEqual([day(1)]);
    await new FsCustomerIndex(indexDir()).rebuild([day(0), day(1)]);
    expect(await daysRead('王五')).toEqual([day(1)]);
    const rows = await store.listSessions({ customer: '王五' });
    expect(rows.map((r) => [r.session_id, r.corrupt !== undefined])).toEqual([['cs_20261102_001_t1', true]]);
  });
});
