import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsError } from '../../domain/cs-error.js';
import { MemoryRecordStore } from '../../store/memory/memory-record-store.js';
import { chatKeyFor, chatKeyMatches, serverSecret, signChatToken, verifyChatToken } from './chat-token.js';

const SECRET = 'k'.repeat(43);
const at = (seconds: number) => ({ now: () => new Date(seconds * 1000) });

/** The one-line refusal a bad token gets, or the claims. */
function verdict(token: string, secret = SECRET, now = 1_000) {
  try {
    return verifyChatToken(token, secret, at(now));
  } catch (error) {
    if (!CsError.isInstance(error)) throw error;
    return { code: error.code, oneLine: !error.message.includes('\n') };
  }
}

describe('chat tokens', () => {
  it('a signed token gives back its claims until it expires', () => {
    const token = signChatToken({ phone: '13800138000', product: '会员订阅服务', exp: 2_000 }, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyChatToken(token, SECRET, at(1_999))).toEqual({
      phone: '13800138000',
      product: '会员订阅服务',
      exp: 2_000,
    });
    expect(verdict(token, SECRET, 2_000)).toEqual({ code: 'E_REFUSED', oneLine: true });
  });

  it.each([
    ['another secret', () => signChatToken({ phone: '13800138000', exp: 2_000 }, 'other')],
    [
      'a changed phone',
      () => {
        const [, signature] = signChatToken({ phone: '13800138000', exp: 2_000 }, SECRET).split('.');
        const body = Buffer.from(JSON.stringify({ phone: '13912345678', exp: 2_000 })).toString('base64url');
        return `${body}.${signature}`;
      },
    ],
    ['a cut signature', () => signChatToken({ phone: '13800138000', exp: 2_000 }, SECRET).slice(0, -2)],
    ['no signature', () => signChatToken({ phone: '13800138000', exp: 2_000 }, SECRET).split('.')[0]!],
    [
      'claims of the wrong shape',
      () => {
        const body = Buffer.from(JSON.stringify({ phone: 138, exp: 'soon' })).toString('base64url');
        return `${body}.${createMac(body)}`;
      },
    ],
  ])('refuses a token with %s in one line', (_what, make) => {
    expect(verdict(make())).toEqual({ code: 'E_REFUSED', oneLine: true });
  });

  it('refuses anything that is not a token, never with another error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(verdict(text)).toEqual({ code: 'E_REFUSED', oneLine: true });
      }),
    );
  });

  it('a chat key opens only its own call', () => {
    const key = chatKeyFor('call_0123456789', SECRET);
    expect(chatKeyMatches('call_0123456789', key, SECRET)).toBe(true);
    expect(chatKeyMatches('call_9999999999', key, SECRET)).toBe(false);
    expect(chatKeyMatches('call_0123456789', key, 'other')).toBe(false);
    expect(chatKeyMatches('call_0123456789', key.slice(1), SECRET)).toBe(false);
    expect(chatKeyMatches('call_0123456789', '', SECRET)).toBe(false);
  });
});

describe('serverSecret', () => {
  it('is made once per database, the same for every server asking at once', async () => {
    const store = new MemoryRecordStore();
    const secrets = await Promise.all([
      serverSecret(store, {}),
      serverSecret(store, {}),
      serverSecret(store, {}),
    ]);
    expect(new Set(secrets).size).toBe(1);
    expect(Buffer.from(secrets[0]!, 'base64url')).toHaveLength(32);
    expect(await serverSecret(store, {})).toBe(secrets[0]);
  });

  it('CS_SERVE_SECRET overrides the stored one', async () => {
    const store = new MemoryRecordStore();
    await serverSecret(store, {});
    expect(await serverSecret(store, { CS_SERVE_SECRET: 'from-env' })).toBe('from-env');
  });
});

/** The signature the signer would give `body` (to sign claims it would never write). */
function createMac(body: string): string {
  return createHmac('sha256', SECRET).update(body).digest('base64url');
}
