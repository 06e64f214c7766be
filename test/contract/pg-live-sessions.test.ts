import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveRecordAppend } from '../../src/store/live-session-store.js';
import { openPgRecordStore } from '../../src/store/postgres/pg-record-store.js';
import type { RecordStore } from '../../src/store/record-store.js';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from './pg-test-schema.js';

// Each process keeps the live calls it read and reads only what was appended since; two
// processes on one database (two `cs serve`) must still see each other's every change.

warnPgSkipped('live calls read by two processes');

const turn = (n: number): LiveRecordAppend => ({
  updated_at: `2026-11-25T08:00:${String(n).padStart(2, '0')}.000Z`,
  append: { conversation: [{ n }] },
  set: {},
  merge: { learned: { [`k${n}`]: n } },
});

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('live calls read by two processes'), () => {
  const schema = freshSchemaName();
  let journalDir: string;
  let a: RecordStore;
  let b: RecordStore;

  beforeAll(async () => {
    journalDir = await mkdtemp(join(tmpdir(), 'cs-pg-live-'));
    const open = () => openPgRecordStore(TEST_DATABASE_URL as string, { schema, poolSize: 2, journalDir });
    a = await open();
    b = await open();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(schema);
    await rm(journalDir, { recursive: true, force: true });
  });

  const conversation = async (store: RecordStore, id: string) =>
    (
      (await store.getLiveSession(id))?.record as { conversation: Array<{ n: number }> } | undefined
    )?.conversation.map((c) => c.n);

  it('sees the turns, locked updates, replacements and deletions of the other process', async () => {
    await a.putLiveSession({ live_id: 'L1', updated_at: 'a', record: { conversation: [{ n: 0 }] } });
    await a.appendToLiveRecord('L1', turn(1));
    expect(await conversation(a, 'L1')).toEqual([0, 1]);
    expect(await conversation(b, 'L1')).toEqual([0, 1]);

    await b.appendToLiveRecord('L1', turn(2));
    expect(await conversation(a, 'L1')).toEqual([0, 1, 2]);

    // Written whole by the other process: the appends are folded in, and what comes after counts.
    await b.updateLiveSession('L1', (c) => ({ ...c, state: 'human' }));
    await b.appendToLiveRecord('L1', turn(3));
    const read = await a.getLiveSession('L1');
    expect(read).toMatchObject({ state: 'human', updated_at: '2026-11-25T08:00:03.000Z' });
    expect(read?.record).toMatchObject({ learned: { k1: 1, k2: 2, k3: 3 } });
    expect(await conversation(a, 'L1')).toEqual([0, 1, 2, 3]);

    // Replaced with a shorter call: nothing of the old one comes back.
    await b.putLiveSession({ live_id: 'L1', updated_at: 'b', record: { conversation: [{ n: 9 }] } });
    expect(await conversation(a, 'L1')).toEqual([9]);
    await a.appendToLiveRecord('L1', turn(10));
    expect(await conversation(b, 'L1')).toEqual([9, 10]);
    expect(await conversation(a, 'L1')).toEqual([9, 10]);

    // Ended, then a new call under the same id.
    await b.deleteLiveSession('L1');
    expect(await a.getLiveSession('L1')).toBeUndefined();
    await a.putLiveSession({ live_id: 'L1', updated_at: 'c', record: { conversation: [{ n: 0 }] } });
    expect(await conversation(b, 'L1')).toEqual([0]);
    await b.deleteLiveSession('L1');
    await b.putLiveSession({ live_id: 'L1', updated_at: 'd', record: { conversation: [{ n: 5 }] } });
    expect(await conversation(a, 'L1')).toEqual([5]);
  });

  it('reads the records a call names as they are now, and those a rewrite makes it name', async () => {
    const first = await a.create('customer', { name: '张三', phone: '13800138001' });
    const second = await a.create('customer', { name: '李四', phone: '13800138002' });
    const fields = [{ type: 'customer', field: 'customer_id' }] as const;
    await a.putLiveSession({
      live_id: 'L2',
      updated_at: 'a',
      customer_id: first._id,
      record: { conversation: [] },
    });
    expect((await a.getLiveSessionWithRecords('L2', fields))?.records[0]?.name).toBe('张三');
    await b.update('customer', first._id, (c) => ({ ...c, name: '张三丰' }));
    expect((await a.getLiveSessionWithRecords('L2', fields))?.records[0]?.name).toBe('张三丰');
    await b.updateLiveSession('L2', (c) => ({ ...c, customer_id: second._id }));
    const read = await a.getLiveSessionWithRecords('L2', fields);
    expect(read?.live.customer_id).toBe(second._id);
    expect(read?.records[0]?.name).toBe('李四');
  });

  it('loses no turn appended by both processes at once', async () => {
    await a.putLiveSession({ live_id: 'L3', updated_at: 'a', record: { conversation: [] } });
    const both = [a, b];
    // Each process reads between its appends, so each reads from what it saw last.
    await Promise.all(
      both.map(async (store, s) => {
        for (let n = 0; n < 10; n++) {
          await store.appendToLiveRecord('L3', turn(s * 10 + n));
          await store.getLiveSession('L3');
        }
      }),
    );
    const expected = Array.from({ length: 20 }, (_, n) => n);
    expect((await conversation(a, 'L3'))?.sort((x, y) => x - y)).toEqual(expected);
    expect(await conversation(b, 'L3')).toEqual(await conversation(a, 'L3'));
  });
});
