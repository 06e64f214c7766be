import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordType } from '../../src/domain/record-schemas.js';
import { FsRecordStore } from '../../src/store/fs/fs-record-store.js';
import { copyStore } from '../../src/store/migrate-store.js';
import type { RecordStore } from '../../src/store/record-store.js';
import { makePgTestStore, pgSuiteTitle, TEST_DATABASE_URL, warnPgSkipped } from './pg-test-schema.js';

warnPgSkipped('legacy database into PostgreSQL and back');

const FIXTURE = fileURLToPath(
  new URL('../../../shared/fixtures/legacy-db/customer_service', import.meta.url),
);
const TYPE_OF_FOLDER: Record<string, RecordType> = {
  products: 'product',
  customers: 'customer',
  operators: 'operator',
};

/** Every file under a folder, by path relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // the file store's .index, .locks ...
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(relative(root, path));
    }
  };
  await walk(root);
  return out.sort();
}

const readJsonFile = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe.skipIf(!TEST_DATABASE_URL)(pgSuiteTitle('legacy database into PostgreSQL and back'), () => {
  let root: string;
  let legacyDir: string;
  let legacy: RecordStore;
  let pgStore: RecordStore;
  let exportDir: string;
  let exported: RecordStore;
  let cleanupPg: () => Promise<void>;
  const fixtureFiles: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cs-legacy-migration-'));
    legacyDir = join(root, 'legacy', 'customer_service');
    exportDir = join(root, 'export', 'customer_service');
    await cp(FIXTURE, legacyDir, { recursive: true });
    fixtureFiles.push(...(await filesUnder(FIXTURE)));
    legacy = new FsRecordStore(legacyDir);
    exported = new FsRecordStore(exportDir);
    const pg = await makePgTestStore();
    pgStore = pg.store;
    cleanupPg = pg.cleanup;
  });

  afterAll(async () => {
    await legacy?.close();
    await exported?.close();
    await pgStore?.close();
    await cleanupPg?.();
    await rm(root, { recursive: true, force: true });
  });

  it('copies the legacy database into PostgreSQL with every record and session', async () => {
    const result = await copyStore(legacy, pgStore);
    expect(result).toEqual({
      records: 5,
      updated: 0,
      unchanged: 0,
      sessions: 1,
      mockStates: 0,
      liveSessions: 0,
      workItems: 0,
      auditEntries: 0,
      skipped: 0,
    });
    for (const file of fixtureFiles.filter((f) => f.endsWith('info.json'))) {
      const original = (await readJsonFile(join(FIXTURE, file))) as { _id: string };
      const type = TYPE_OF_FOLDER[file.split('/')[0]!]!;
      expect(await pgStore.get(type, original._id)).toEqual(original);
    }
    const session = await readJsonFile(join(FIXTURE, 'history/cs_20260125_001_abc123/session.json'));
    expect(await pgStore.getSession('cs_20260125_001_abc123')).toEqual(session);
    expect((await pgStore.findCustomerByPhone('13800138000'))?.name).toBe('张先生');
  });

  it('duplicates nothing when the migration runs again', async () => {
    const again = await copyStore(legacy, pgStore);
    expect(again).toEqual({
      records: 0,
      updated: 0,
      unchanged: 5,
      sessions: 0,
      mockStates: 0,
      liveSessions: 0,
      workItems: 0,
      auditEntries: 0,
      skipped: 6,
    });
    const counts = await Promise.all(
      (['product', 'customer', 'operator'] as const).map((t) => pgStore.list(t)),
    );
    expect(counts.map((c) => c.length)).toEqual([1, 2, 2]);
    expect(await pgStore.listSessions()).toHaveLength(1);
  });

  it('exports back to the seed’s layout with nothing lost', async () => {
    const result = await copyStore(pgStore, exported);
    expect(result).toMatchObject({ records: 5, sessions: 1, skipped: 0 });
    expect((await copyStore(pgStore, exported)).skipped).toBe(6);

    // Same files in the same places: <type>s/<id>_<name>/info.json + README.md, history/<id>/...
    expect(await filesUnder(exportDir)).toEqual(fixtureFiles);
    for (const file of fixtureFiles.filter((f) => f.endsWith('.json'))) {
      expect(await readJsonFile(join(exportDir, file)), file).toEqual(
        await readJsonFile(join(FIXTURE, file)),
      );
      // PostgreSQL keeps documents as written (json, not jsonb): even the key order comes back.
      expect(await readFile(join(exportDir, file), 'utf8'), file).toBe(
        await readFile(join(FIXTURE, file), 'utf8'),
      );
    }
    // The session README travels as written (record READMEs are re-rendered from info.json).
    const readme = 'history/cs_20260125_001_abc123/README.md';
    expect(await readFile(join(exportDir, readme), 'utf8')).toBe(
      await readFile(join(FIXTURE, readme), 'utf8'),
    );
  });

  it('leaves the legacy folder untouched', async () => {
    for (const file of fixtureFiles) {
      expect(await readFile(join(legacyDir, file), 'utf8'), file).toBe(
        await readFile(join(FIXTURE, file), 'utf8'),
      );
    }
    expect((await stat(legacyDir)).isDirectory()).toBe(true);
  });
});
