import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CS_BIN, PROJECT_ROOT, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

const START = [
  'session',
  'start',
  '--product',
  '会员订阅服务',
  '--operator',
  'HEAR策略',
  '--phone',
  '13800138000',
];

/** Replies an outside assistant might write that the guard must stop, and why. */
const BAD = [
  ['a refund promised without approval', '好的，钱马上就退到您账上。'],
  ['another customer in disguise', '李 女士那边也是这个问题，她尾号5678。'],
  ['an invented status', '您的会员已经过期了。'],
] as const;

// The commands run in the test process (runCsInProcess: the built cs with its own streams and
// exit code); the MCP server is a process of its own.
describe('turns recorded by outside assistants are guarded', () => {
  let db: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ db, cleanup } = await tempDb());
    await seedRecords(db);
  });
  afterEach(() => cleanup());

  const startCall = async () => {
    const started = await runCsInProcess([...START, '--db', db, '--json']);
    expect(started.code).toBe(0);
    return (JSON.parse(started.stdout) as { call_id: string }).call_id;
  };

  it.each(BAD)(
    '`cs session turn --role agent` refuses %s, records the decision, not the words',
    async (_kind, draft) => {
      const id = await startCall();
      await runCsInProcess([
        'session',
        'turn',
        '--call',
        id,
        '--role',
        'customer',
        '--content',
        '我要退款',
        '--db',
        db,
      ]);
      const r = await runCsInProcess([
        'session',
        'turn',
        '--call',
        id,
        '--role',
        'agent',
        '--content',
        draft,
        '--db',
        db,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^cs: .*Reply not recorded/);
      const live = JSON.parse(await readFile(join(db, 'live', `${id}.json`), 'utf8')) as {
        record: { conversation: Array<{ content: string }>; guard_decisions: Array<{ outcome: string }> };
      };
      expect(live.record.conversation.map((t) => t.content)).not.toContain(draft);
      expect(live.record.guard_decisions.map((g) => g.outcome)).toEqual(['blocked']);
    },
  );

  it('records an ordinary reply as it is', async () => {
    const id = await startCall();
    const ok = '理解您的着急，我先帮您查一下订阅和扣费记录，请稍等。';
    const r = await runCsInProcess([
      'session',
      'turn',
      '--call',
      id,
      '--role',
      'agent',
      '--content',
      ok,
      '--db',
      db,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('MCP record_turn refuses the same replies as a tool error', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CS_BIN, 'mcp', '--db', db],
      cwd: PROJECT_ROOT,
      env: Object.fromEntries(
        Object.entries(process.env).filter(
          (e): e is [string, string] => e[1] !== undefined && !/^CS_(DB|DATABASE_URL|LLM_)/.test(e[0]),
        ),
      ),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'cs-guard-e2e', version: '1.0.0' });
    await client.connect(transport);
    try {
      const started = (await client.callTool({
        name: 'start_call',
        arguments: { product: '会员订阅服务', operator: 'HEAR策略', phone: '13800138000' },
      })) as unknown as { structuredContent: { call_id: string } };
      const callId = started.structuredContent.call_id;
      for (const [, draft] of BAD) {
        const result = (await client.callTool({
          name: 'record_turn',
          arguments: { call_id: callId, role: 'agent', content: draft },
        })) as unknown as { isError?: boolean; content: Array<{ text?: string }> };
        expect(result.isError).toBe(true);
        expect(result.content.map((c) => c.text).join('')).toContain('Reply not recorded');
      }
    } finally {
      await client.close();
    }
  });
});
