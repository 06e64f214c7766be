import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CS_BIN, runCs, tempDb } from '../support/run-cs.js';

// `cs users add|token` and `cs serve` as a person runs them: the one-time password printed once,
// a taken name refused, `cs serve --port 0` printing its URL and stopping cleanly on SIGTERM.

let tmp: Awaited<ReturnType<typeof tempDb>>;
let db: string;

beforeAll(async () => {
  tmp = await tempDb();
  db = join(tmp.dir, 'db');
});
afterAll(async () => {
  await tmp?.cleanup();
});

describe('cs users and cs serve', () => {
  it('adds users (the password once, as the last word), refuses a taken name, issues tokens', async () => {
    const added = await runCs(['users', 'add', '王主管', '--role', 'supervisor', '--db', db]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim().split(/\s+/).pop()).toMatch(/^[\w-]{24}$/);
    const again = await runCs(['users', 'add', '王主管', '--role', 'agent', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('cs: There is a user named 王主管 already: pick another name.\n');
    const badRole = await runCs(['users', 'add', 'x', '--role', 'boss', '--db', db]);
    expect(badRole.code).toBe(2);
    // A supervisor user decides approvals: they are on the supervisors' list.
    expect((await runCs(['supervisors', 'list', '--db', db])).stdout).toContain('王主管');
    const token = await runCs(['users', 'token', '王主管', '--db', db]);
    expect(token.code).toBe(0);
    expect(token.stdout.trim().split('\n').pop()).toMatch(/^usr_[0-9a-f]{16}\.[\w-]{43}$/);
  });

  it('serves until SIGTERM, printing its URL; the token works against it', async () => {
    const token = (await runCs(['users', 'token', '王主管', '--db', db])).stdout
      .trim()
      .split('\n')
      .pop() as string;
    const child = spawn(process.execPath, [CS_BIN, 'serve', '--port', '0', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CS_DB: '', CS_DATABASE_URL: '' },
    });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /cs serve: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1] as string);
      });
      child.once('exit', () => reject(new Error(`cs serve exited: ${out}${err}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const me = await fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await me.json()).toEqual({ name: '王主管', role: 'supervisor' });
      expect((await fetch(`${url}/api/me`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('cs serve: stopped.');
  });
});
