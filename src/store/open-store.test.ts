import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DB_SUBDIR, openStore, resolveDbLocation } from './open-store.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-open-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveDbLocation', () => {
  it.each([
    [
      { db: 'mydb', env: { CS_DB: '/x', CS_DATABASE_URL: 'postgres://h/d' } },
      { kind: 'fs', source: 'flag' },
    ],
    [{ env: { CS_DB: 'envdb', CS_DATABASE_URL: 'postgres://h/d' } }, { kind: 'fs', source: 'CS_DB' }],
    [
      { env: { CS_DATABASE_URL: 'postgres://h/d' } },
      { kind: 'postgres', url: 'postgres://h/d', source: 'CS_DATABASE_URL' },
    ],
    [
      { db: 'postgresql://u@h/d', env: {} },
      { kind: 'postgres', url: 'postgresql://u@h/d', source: 'flag' },
    ],
    [{ env: { CS_DB: 'postgres://h/d' } }, { kind: 'postgres', source: 'CS_DB' }],
    [
      { db: '  ', env: { CS_DB: '' } },
      { kind: 'fs', source: 'default' },
    ],
  ])('chooses by --db, CS_DB, CS_DATABASE_URL: %j', (options, expected) => {
    expect(resolveDbLocation({ cwd: dir, ...options })).toMatchObject(expected);
  });

  it('resolves a relative folder against cwd', () => {
    expect(resolveDbLocation({ cwd: dir, db: 'a/b', env: {} })).toEqual({
      kind: 'fs',
      path: join(dir, 'a/b'),
      source: 'flag',
    });
  });

  it('finds the nearest ancestor holding .ezagent/database/customer_service', async () => {
    await mkdir(join(dir, DEFAULT_DB_SUBDIR), { recursive: true });
    const deep = join(dir, 'x', 'y');
    await mkdir(deep, { recursive: true });
    expect(resolveDbLocation({ cwd: deep, env: {} })).toEqual({
      kind: 'fs',
      path: join(dir, DEFAULT_DB_SUBDIR),
      source: 'ancestor',
    });
  });

  it('falls back to .ezagent/database/customer_service under cwd', () => {
    expect(resolveDbLocation({ cwd: dir, env: {} })).toEqual({
      kind: 'fs',
      path: join(dir, DEFAULT_DB_SUBDIR),
      source: 'default',
    });
  });

  it('refuses a CS_DATABASE_URL that is not a postgres URL', () => {
    expect(() => resolveDbLocation({ cwd: dir, env: { CS_DATABASE_URL: '/some/folder' } })).toThrow(
      expect.objectContaining({ code: 'E_CONFIG' }),
    );
  });
});

describe('openStore', () => {
  it('opens the file store without creating anything until the first write', async () => {
    const store = await openStore({ cwd: dir, env: {} });
    expect(store.location).toBe(join(dir, DEFAULT_DB_SUBDIR));
    expect(await store.findCustomerByPhone('13800138000')).toBeUndefined();
    await expect(stat(join(dir, '.ezagent'))).rejects.toThrow();
    await store.create('product', { name: 'P' });
    expect((await stat(join(dir, DEFAULT_DB_SUBDIR, 'products'))).isDirectory()).toBe(true);
    await store.close();
  });

  it('creates the folder with create, refuses a missing one with mustExist', async () => {
    await openStore({ db: join(dir, 'made'), env: {}, create: true });
    expect((await stat(join(dir, 'made'))).isDirectory()).toBe(true);
    await expect(openStore({ db: join(dir, 'missing'), env: {}, mustExist: true })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
  });

  it('loads the PostgreSQL store, pg and the write libraries only by dynamic import', async () => {
    const result = await build({
      entryPoints: [join(import.meta.dirname, 'open-store.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outdir: join(dir, 'out'),
      metafile: true,
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'postgres-external',
          setup(b) {
            b.onResolve({ filter: /postgres\/pg-record-store\.js$/ }, (args) => ({
              path: args.path,
              external: true,
            }));
          },
        },
      ],
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((k) => outputs[k]?.entryPoint?.endsWith('open-store.ts'));
    // Everything the entry chunk loads at once, following static imports between chunks.
    const eager = new Set<string>();
    const visit = (chunk: string) => {
      for (const imp of outputs[chunk]?.imports ?? []) {
        if (imp.kind !== 'import-statement' || eager.has(imp.path)) continue;
        eager.add(imp.path);
        if (outputs[imp.path]) visit(imp.path);
      }
    };
    visit(entry as string);
    const dynamic = Object.values(outputs).flatMap((o) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    );
    expect(dynamic).toContain('./postgres/pg-record-store.js');
    for (const lazy of [
      'pg',
      './postgres/pg-record-store.js',
      'proper-lockfile',
      'write-file-atomic',
      'zod',
    ]) {
      expect(eager.has(lazy), lazy).toBe(false);
    }
  });
});
