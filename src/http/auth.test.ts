import { describe, expect, it } from 'vitest';
import { CsError } from '../domain/cs-error.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import {
  addUser,
  checkPassword,
  csrfToken,
  csrfValid,
  hashPassword,
  issueToken,
  LoginThrottle,
  readSessionCookie,
  roleAllows,
  sessionCookie,
  userByToken,
  userId,
  verifyPassword,
} from './auth.js';

describe('auth: passwords', () => {
  it('hashes with scrypt N=16384 r=8 p=1 and a salt of its own, and checks only the right password', async () => {
    const [a, b] = [await hashPassword('correct horse'), await hashPassword('correct horse')];
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsf', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
  });
});

describe('auth: users', () => {
  it('adds a user once, names supervisors and admins as supervisors, and checks their password', async () => {
    const store = new MemoryRecordStore();
    const { password } = await addUser({ store, env: {} }, { name: ' 王主管 ', role: 'supervisor' });
    await addUser({ store, env: {} }, { name: '小李', role: 'agent' });
    await expect(addUser({ store, env: {} }, { name: '王主管', role: 'agent' })).rejects.toMatchObject({
      code: 'E_CONFLICT',
    });
    const supervisors = (await store.listWork('supervisor')).map((d) => d.name);
    expect(supervisors).toEqual(['王主管']);
    const stored = await store.getWork('user', userId('王主管'));
    expect(stored?.password).not.toContain(password);
    expect(await checkPassword(store, '王主管', password)).toMatchObject({
      name: '王主管',
      role: 'supervisor',
    });
    expect(await checkPassword(store, '王主管', `${password}x`)).toBeUndefined();
    expect(await checkPassword(store, '无名', password)).toBeUndefined();
    expect((await store.listAudit({ kind: 'user' })).map((e) => e.why)).toEqual([
      '王主管 added as supervisor',
      '小李 added as agent',
    ]);
  });

  it('issues API tokens kept as hashes; a changed token or an unknown user is refused', async () => {
    const store = new MemoryRecordStore();
    await addUser({ store, env: {} }, { name: 'ops', role: 'admin' });
    const { token } = await issueToken({ store, env: {} }, 'ops');
    expect(JSON.stringify(await store.getWork('user', userId('ops')))).not.toContain(token.split('.')[1]);
    expect(await userByToken(store, token)).toMatchObject({ name: 'ops', role: 'admin' });
    expect(
      await userByToken(store, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`),
    ).toBeUndefined();
    expect(await userByToken(store, 'garbage')).toBeUndefined();
    const error = await issueToken({ store, env: {} }, 'nobody').catch((e: unknown) => e);
    expect(CsError.isInstance(error) && error.code).toBe('E_NOT_FOUND');
  });

  it.each([
    ['agent', 'agent', true],
    ['agent', 'supervisor', false],
    ['supervisor', 'agent', true],
    ['supervisor', 'admin', false],
    ['admin', 'supervisor', true],
  ] as const)('a %s may do what needs %s: %s', (role, needed, allowed) => {
    expect(roleAllows(role, needed)).toBe(allowed);
  });
});

describe('auth: session cookies and CSRF', () => {
  const secret = 'secret';
  const id = userId('x');
  const now = new Date('2026-11-30T00:00:00Z');

  it('reads back a cookie it signed until it expires; refuses one changed or signed with another key', () => {
    const cookie = sessionCookie(secret, id, now.getTime() + 1000);
    expect(readSessionCookie(secret, cookie, now)).toBe(id);
    expect(readSessionCookie(secret, cookie, new Date(now.getTime() + 1000))).toBeUndefined();
    expect(readSessionCookie('other', cookie, now)).toBeUndefined();
    const later = cookie.replace(/\.(\d+)\./, (_, exp: string) => `.${Number(exp) + 3_600_000}.`);
    expect(readSessionCookie(secret, later, now)).toBeUndefined();
  });

  it('derives the CSRF token from the session, so another session’s token does not pass', () => {
    const one = sessionCookie(secret, id, now.getTime() + 1000);
    const two = sessionCookie(secret, id, now.getTime() + 2000);
    expect(csrfValid(secret, one, csrfToken(secret, one))).toBe(true);
    expect(csrfValid(secret, one, csrfToken(secret, two))).toBe(false);
    expect(csrfValid(secret, one, undefined)).toBe(false);
  });
});

describe('LoginThrottle', () => {
  it('blocks after 5 failures within 15 minutes until the oldest leaves the window', async () => {
    const throttle = new LoginThrottle(new MemoryRecordStore());
    const start = Date.parse('2026-11-30T00:00:00Z');
    const keys = ['name:a', 'addr:1'];
    for (let i = 0; i < 4; i++) await throttle.failed(keys, new Date(start + i * 60_000));
    expect(await throttle.blockedFor(keys, new Date(start + 4 * 60_000))).toBeUndefined();
    await throttle.failed(keys, new Date(start + 4 * 60_000));
    expect(await throttle.blockedFor(keys, new Date(start + 5 * 60_000))).toBe(10 * 60);
    expect(await throttle.blockedFor(['addr:1'], new Date(start + 5 * 60_000))).toBe(10 * 60);
    expect(await throttle.blockedFor(['name:a'], new Date(start + 15 * 60_000 + 1))).toBeUndefined();
    await throttle.succeeded('name:a', new Date(start + 5 * 60_000));
    expect(await throttle.blockedFor(['name:a'], new Date(start + 5 * 60_000))).toBeUndefined();
  });

  it('counts the failures every server of one store sees, made at once', async () => {
    const store = new MemoryRecordStore();
    const [one, two] = [new LoginThrottle(store), new LoginThrottle(store)];
    const at = new Date('2026-11-30T00:00:00Z');
    await Promise.all([0, 1, 2, 3, 4].map((i) => (i % 2 === 0 ? one : two).failed(['name:b'], at)));
    expect(await one.blockedFor(['name:b'], at)).toBe(15 * 60);
    expect(await two.blockedFor(['name:b'], at)).toBe(15 * 60);
  });
});
