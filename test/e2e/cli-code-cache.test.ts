import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCall } from '../support/run-call.js';
import { CS_BIN, PROJECT_ROOT, tempDb } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';

const CACHE_DIR = join(PROJECT_ROOT, 'dist', 'cli', '.cache');
const TURNS = ['我要退款15元', '帮我把自动续费关了', '结束通话'];

/** The cache files of this Node, by name, with their inode: a file written again gets a new one. */
function cacheFiles(): Map<string, number> {
  const runtime = `-${process.version}-${process.arch}-`;
  return new Map(
    readdirSync(CACHE_DIR)
      .filter((name) => name.endsWith('.code') && name.includes(runtime))
      .map((name) => [name, statSync(join(CACHE_DIR, name)).ino]),
  );
}

describe('bin/cs.js on a call', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  const call = (env?: NodeJS.ProcessEnv) =>
    runCall({
      db: tmp.db,
      product: '会员订阅服务',
      operator: 'HEAR策略',
      phone: '13800138000',
      turns: TURNS,
      args: ['--agent', 'rules'],
      ...(env ? { env } : {}),
    });

  beforeAll(async () => {
    tmp = await tempDb();
    await seedRecords(tmp.db);
  });
  afterAll(async () => tmp.cleanup());

  it('has Node load no file but bin/cs.js, as CommonJS, nor a built-in the build defers: every file a call runs has a code cache', async () => {
    // NODE_DEBUG names every file Node's CommonJS loader loads (built-ins aside) and every step
    // of its ES module loader.
    const r = await call({ NODE_DEBUG: 'module,esm' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.events.some((e) => e.type === 'grant')).toBe(true);
    const loaded = [...r.stderr.matchAll(/MODULE \d+: load "([^"]+)"/g)].map((m) => m[1]);
    expect(loaded).toEqual([CS_BIN]);
    expect(r.stderr).not.toMatch(/^ESM \d+:/m);
    // Built-ins the build defers to the paths that use them (scripts/build.mjs, LAZY_BUILTINS).
    const builtins = [...r.stderr.matchAll(/load built-in module (\S+)/g)].map((m) =>
      m[1]!.replace(/^node:/, ''),
    );
    expect(builtins).toContain('fs');
    expect(builtins.filter((b) => b === 'assert' || b === 'child_process')).toEqual([]);
  });

  it('reads the code cache a call wrote instead of writing it again (the flags it sets stay the same)', async () => {
    // Two calls first: whatever cache was missing is written, by them or by a test beside this one.
    for (let i = 0; i < 2; i++) expect((await call()).code).toBe(0);
    const before = cacheFiles();
    expect([...before.keys()].some((name) => name.startsWith('cli.js-'))).toBe(true);
    expect((await call()).code).toBe(0);
    const after = cacheFiles();
    // A cache V8 rejected (made under other flags, say) is replaced at exit: a new inode.
    const rewritten = [...before].filter(([name, ino]) => after.has(name) && after.get(name) !== ino);
    expect(rewritten).toEqual([]);
  });
});
