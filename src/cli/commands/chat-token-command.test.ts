import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serverSecret, verifyChatToken } from '../../http/chat/chat-token.js';
import { MemoryRecordStore } from '../../store/memory/memory-record-store.js';
import type { CliContext } from '../cli-context.js';
import { chatTokenCommand } from './chat-token-command.js';

const NOW = '2026-12-01T09:00:00Z';

/** A command context on a memory store that keeps what the command printed. */
async function context(env: NodeJS.ProcessEnv = {}) {
  const store = new MemoryRecordStore();
  await store.create('product', { name: '会员订阅服务' });
  const printed: unknown[] = [];
  const ctx: CliContext = {
    options: { json: true },
    cwd: process.cwd(),
    env: { CS_NOW: NOW, ...env },
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdin: new PassThrough(),
    store: async () => store,
    emit: (data) => printed.push(data),
    note: () => undefined,
    isTerminal: false,
  };
  return { ctx, store, printed };
}

describe('cs chat-token', () => {
  it('prints a token for the phone and product, signed with the database’s secret, expiring after --ttl', async () => {
    const { ctx, store, printed } = await context();
    await chatTokenCommand(ctx, { phone: '138-0013-8000', product: '会员订阅', ttl: '30' });
    const out = printed[0] as { token: string; expires_at: string; product: string };
    expect(out).toMatchObject({
      phone: '13800138000',
      product: '会员订阅服务',
      expires_at: '2026-12-01T09:30:00.000Z',
    });
    const secret = await serverSecret(store, {});
    const claims = verifyChatToken(out.token, secret, { now: () => new Date(NOW) });
    expect(claims).toEqual({
      phone: '13800138000',
      product: '会员订阅服务',
      exp: Date.parse(NOW) / 1000 + 1800,
    });
    expect(() => verifyChatToken(out.token, secret, { now: () => new Date('2026-12-01T09:30:00Z') })).toThrow(
      /expired/,
    );
  });

  it('signs with CS_SERVE_SECRET when it is set', async () => {
    const { ctx, printed } = await context({ CS_SERVE_SECRET: 'shared' });
    await chatTokenCommand(ctx, { phone: '13800138000' });
    const { token } = printed[0] as { token: string };
    expect(verifyChatToken(token, 'shared', { now: () => new Date(NOW) })).toMatchObject({
      phone: '13800138000',
    });
  });

  it.each([
    [{ phone: 'abc' }, 'E_INVALID'],
    [{ phone: '13800138000', ttl: '0' }, 'E_USAGE'],
    [{ phone: '13800138000', ttl: '1.5' }, 'E_USAGE'],
    [{ phone: '13800138000', ttl: '99999' }, 'E_USAGE'],
    [{ phone: '13800138000', product: '没有这个产品' }, 'E_NOT_FOUND'],
  ])('refuses %o with %s and prints nothing', async (options, code) => {
    const { ctx, printed } = await context();
    await expect(chatTokenCommand(ctx, options)).rejects.toMatchObject({ code });
    expect(printed).toEqual([]);
  });
});
