import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Grant } from '../../domain/grant-schema.js';
import { FsGrantStore } from './fs-grant-store.js';
import { makeTempDir } from './test-db.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('cs-grants-'));
});
afterEach(async () => {
  await cleanup();
});

function grant(id: string, issuedAt = '2026-01-25T01:00:00.000Z'): Grant {
  return {
    grant_id: `gr_${id.padStart(16, '0')}`,
    call_id: 'call_1',
    customer_id: 'c1',
    product_id: 'p1',
    action: '退款15元',
    concept: 'refund',
    amount: { value: 15, unit: 'CNY' },
    rule: '退款<100元',
    rules_hash: 'h',
    issued_at: issuedAt,
    consumed_at: null,
    consumed_by: null,
  };
}

const consumption = (id: string) => ({
  grantId: `gr_${id.padStart(16, '0')}`,
  customerId: 'c1',
  consumedAt: '2026-01-25T01:05:00.000Z',
  consumedBy: 'host:1',
});

describe('FsGrantStore', () => {
  it('consumes a grant once, and another store on the folder lists it consumed', async () => {
    const grants = new FsGrantStore(dir);
    await grants.putGrant(grant('a'));
    expect(await grants.consumeGrant(consumption('a'))).toMatchObject({
      consumed_at: '2026-01-25T01:05:00.000Z',
      consumed_by: 'host:1',
    });
    expect(await grants.consumeGrant(consumption('a'))).toBeUndefined();
    const other = new FsGrantStore(dir);
    expect(await other.consumeGrant(consumption('a'))).toBeUndefined();
    expect(await other.listGrants({ customerId: 'c1' })).toEqual([
      { ...grant('a'), consumed_at: '2026-01-25T01:05:00.000Z', consumed_by: 'host:1' },
    ]);
  });

  it('gives a grant to exactly one of many consumers at once', async () => {
    const stores = Array.from({ length: 4 }, () => new FsGrantStore(dir));
    await stores[0]?.putGrant(grant('b'));
    const got = await Promise.all(
      stores.flatMap((s) => [s.consumeGrant(consumption('b')), s.consumeGrant(consumption('b'))]),
    );
    expect(got.filter((g) => g !== undefined)).toHaveLength(1);
  });

  it('consumes nothing for a grant that does not exist', async () => {
    const grants = new FsGrantStore(dir);
    expect(await grants.consumeGrant(consumption('c'))).toBeUndefined();
    await grants.putGrant(grant('d'));
    expect(await grants.consumeGrant({ ...consumption('d'), customerId: 'c2' })).toBeUndefined();
  });

  it('reads a grant file a power cut left empty as never issued', async () => {
    const grants = new FsGrantStore(dir);
    await grants.putGrant(grant('e', '2026-01-25T00:00:00.000Z'));
    await writeFile(join(dir, 'grants', 'c1', `${grant('f').grant_id}.json`), '');
    const other = new FsGrantStore(dir);
    expect((await other.listGrants({ customerId: 'c1' })).map((g) => g.grant_id)).toEqual([
      grant('e').grant_id,
    ]);
    expect(await other.consumeGrant(consumption('f'))).toBeUndefined();
  });

  it('reads a marker still empty (being written, or its writer killed) as consumed', async () => {
    const grants = new FsGrantStore(dir);
    await grants.putGrant(grant('9'));
    await writeFile(join(dir, 'grants', 'c1', `${grant('9').grant_id}.consumed`), '');
    const other = new FsGrantStore(dir);
    const [listed] = await other.listGrants({ customerId: 'c1' });
    expect(listed?.consumed_by).toBe('unknown');
    expect(listed?.consumed_at).not.toBeNull();
    expect(await other.consumeGrant(consumption('9'))).toBeUndefined();
  });
});
