import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from '../../../test/contract/pg-test-schema.js';
import type { StoredRecord } from '../../domain/record-schemas.js';
import { openPgRecordStore } from './pg-record-store.js';

warnPgSkipped('PostgreSQL store specifics');

/** The test URL with a password and a schema parameter added. */
function urlWith(schema: string, password?: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  if (password) url.password = password;
  url.searchParams.set('schema', schema);
  return url.href;
}

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('openPgRecordStore'), () => {
  const open: Array<Awaited<ReturnType<typeof openPgRecordStore>>> = [];
  const schemas: string[] = [];
  const openFresh = async (password?: string) => {
    const schema = freshSchemaName();
    schemas.push(schema);
    // Trust auth ignores the password; it is here to be masked.
    const store = await openPgRecordStore(urlWith(schema, password), { poolSize: 2 });
    open.push(store);
    return { store, schema };
  };
  const raw = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await Promise.all(schemas.splice(0).map(dropSchema));
  });

  it('works in the schema the URL names and shows the URL with the password masked', async () => {
    const { store, schema } = await openFresh('hunter2');
    expect(store.location).toContain(`schema=${schema}`);
    expect(store.location).toContain(':***@');
    expect(store.location).not.toContain('hunter2');
    const p = await store.create('product', { name: 'P' });
    const rows = await raw(`SELECT id FROM "${schema}".records`);
    expect(rows).toEqual([{ id: p._id }]);
  });

  it('keeps the key order of records and sessions as written', async () => {
    const { store } = await openFresh();
    const fields = {
      zeta: 1,
      name: '张先生',
      alpha: { z: 1, a: 2 },
      phone: '13800138000',
      _cold_start: true,
    };
    const created = await store.create('customer', fields);
    expect(JSON.stringify(await store.get('customer', created._id))).toBe(JSON.stringify(created));
    expect(Object.keys(created)).toEqual([...Object.keys(fields), '_id', '_type', '_created']);
    const { sessionId } = await store.saveSession({
      date: '20261125',
      tag: 't',
      build: (id) => ({
        session_id: id,
        product: 'P',
        customer: '张先生',
        operator: 'O',
        timestamp: '2026-11-25T08:28:11.261439',
        conversation: [],
        review: {
          resolution_status: 'resolved',
          issue_summary: 's',
          actions_taken: [],
          follow_up_required: false,
          customer_updates: {},
        },
      }),
      readme: () => '# r\n',
    });
    expect(Object.keys((await store.getSession(sessionId)) ?? {})).toEqual([
      'session_id',
      'product',
      'customer',
      'operator',
      'timestamp',
      'conversation',
      'review',
    ]);
  });

  it('finds a customer by a phone written with spaces, dashes or +86', async () => {
    const { store } = await openFresh();
    const c = await store.create('customer', { name: '张先生', phone: '13800138000' });
    expect((await store.findCustomerByPhone('+86 138-0013-8000'))?._id).toBe(c._id);
  });

  it('does not use up a session number when building the session fails', async () => {
    const { store } = await openFresh();
    await expect(
      store.saveSession({
        date: '20261125',
        tag: 'x',
        build: () => {
          throw new Error('boom');
        },
        readme: () => '',
      }),
    ).rejects.toThrow('boom');
    const saved = await store.saveSession({
      date: '20261125',
      tag: 'y',
      build: (id) => ({
        session_id: id,
        product: 'P',
        customer: 'C',
        operator: 'O',
        timestamp: 't',
        conversation: [],
        review: {
          resolution_status: 'resolved',
          issue_summary: 's',
          actions_taken: [],
          follow_up_required: false,
          customer_updates: {},
        },
      }),
      readme: () => '',
    });
    expect(saved.sessionId).toBe('cs_20261125_001_y');
  });

  it('refuses a malformed given id and a bad session date', async () => {
    const { store } = await openFresh();
    await expect(store.create('product', { name: 'P' }, { id: 'XYZ' })).rejects.toMatchObject({
      code: 'E_INVALID',
    });
    await expect(
      store.saveSession({ date: '25/11/2026', tag: 't', build: () => ({}) as never, readme: () => '' }),
    ).rejects.toMatchObject({ code: 'E_INVALID' });
  });

  it('imports records in a batch with their ids and times, skipping ids it has', async () => {
    const { store } = await openFresh();
    const a = {
      name: '张先生',
      phone: '13800138000',
      _id: '4f064bfb',
      _type: 'customer',
      _created: '2026-11-25T08:28:07.296156',
      _updated: '2026-11-25T08:28:11.261879',
      interaction_history: [],
    } as StoredRecord;
    const b = {
      name: '李女士',
      phone: '13912345678',
      _id: '89f8127c',
      _type: 'customer',
      _created: 'x',
    } as StoredRecord;
    expect(await store.importRecords('customer', [a])).toBe(1);
    expect(await store.importRecords('customer', [a, b])).toBe(1);
    expect(JSON.stringify(await store.get('customer', '4f064bfb'))).toBe(JSON.stringify(a));
    expect(await store.findCustomerByPhone('13912345678')).toEqual(b);
  });

  it('imports nothing from a batch when a phone is taken', async () => {
    const { store } = await openFresh();
    await store.create('customer', { name: '张先生', phone: '13800138000' });
    const batch = [
      { name: '甲', phone: '13700000000', _id: '00000001', _type: 'customer', _created: 'x' },
      { name: '乙', phone: '13800138000', _id: '00000002', _type: 'customer', _created: 'x' },
    ] as StoredRecord[];
    await expect(store.importRecords('customer', batch)).rejects.toMatchObject({ code: 'E_CONFLICT' });
    expect(await store.list('customer')).toHaveLength(1);
  });

  it('closes twice without complaint', async () => {
    const { store } = await openFresh();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('says which server it cannot reach, password masked', async () => {
    await expect(openPgRecordStore('postgres://cs:hunter2@127.0.0.1:1/cs')).rejects.toMatchObject({
      code: 'E_UPSTREAM',
      message: expect.stringMatching(
        /^Cannot connect to PostgreSQL at postgres:\/\/cs:\*\*\*@127\.0\.0\.1:1\/cs: /,
      ),
    });
  });
});
