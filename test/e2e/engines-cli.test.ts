import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CS_BIN, PROJECT_ROOT, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';

const PRODUCT = '会员订阅服务';
const PHONE = '13800138000';

/** Starts `cs mock-server --port 0` as its own process and reads the URL it prints. */
async function startMockServerProcess(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CS_BIN, 'mock-server', '--port', '0', '--db', db, '--json'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /"url":\s*"([^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`mock-server exited with ${code}`)));
  });
  return { url, child };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

// The commands run in the test process (runCsInProcess: the built cs with its own streams and
// exit code); `cs mock-server` is a process of its own.
describe('engines through the CLI', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let db: string;
  const cs = (args: string[], input?: string) =>
    runCsInProcess([...args, '--db', db], input === undefined ? {} : { input });

  beforeAll(async () => {
    tmp = await tempDb();
    db = tmp.db;
    await seedRecords(db);
  });
  afterAll(async () => tmp.cleanup());

  it('prints the seed permission block, in English on request, and JSON with --json', async () => {
    const zh = await cs(['permit', '--product', PRODUCT, '--action', '退款200元']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain(
      '【权限检查结果】\n操作: 退款200元\n状态: ⚠ 需要主管审批\n说明: 超出当前权限(退款>=100元)',
    );
    expect(zh.stdout).toContain('预计2小时内回复');
    const en = await cs(['permit', '--product', PRODUCT, '--action', 'refund 50 yuan', '--lang', 'en']);
    expect(en.stdout).toContain('[Permission Check]');
    const json = JSON.parse(
      (await cs(['permit', '--product', PRODUCT, '--action', '退款1,000元', '--json'])).stdout,
    );
    expect(json.status).toBe('requires_supervisor');
  });

  it('answers the same caller the same way from separate processes, and shows the state', async () => {
    const a = JSON.parse(
      (await cs(['query', '--product', PRODUCT, '--phone', PHONE, '--interface', 'user_profile', '--json']))
        .stdout,
    );
    const b = JSON.parse(
      (await cs(['query', '--product', PRODUCT, '--phone', PHONE, '--interface', 'user_profile', '--json']))
        .stdout,
    );
    expect(a.ok).toBe(true);
    expect(b.response).toEqual(a.response);
    const block = await cs([
      'query',
      '--product',
      PRODUCT,
      '--phone',
      PHONE,
      '--endpoint',
      `/api/user/${PHONE}`,
    ]);
    expect(block.stdout).toContain(
      '【系统查询结果 - Mock】\n接口: GET /api/user/138****8000\n目的: 查询用户基本信息',
    );
    const shown = JSON.parse(
      (await cs(['mock', 'show', '--product', PRODUCT, '--phone', PHONE, '--json'])).stdout,
    );
    expect(shown[0].state.user_profile).toEqual(a.response);
    const missing = await cs([
      'query',
      '--product',
      PRODUCT,
      '--phone',
      PHONE,
      '--interface',
      'user_billing',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/date.*--param/);
    const unknown = await cs([
      'mock',
      'set',
      '--product',
      PRODUCT,
      '--phone',
      PHONE,
      '--interface',
      'nope',
      '--response',
      '{}',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('user_subscription');
  });

  it('changes the backend state only through approved actions in a call', async () => {
    const caller = '13700009999';
    const fixed = await cs([
      'mock',
      'set',
      '--product',
      PRODUCT,
      '--phone',
      caller,
      '--interface',
      'user_subscription',
      '--response',
      JSON.stringify({ subscriptions: [{ name: '超级会员', fee: 15, auto_renew: true }], status: 'active' }),
    ]);
    expect(fixed.code, fixed.stderr).toBe(0);
    const call = await cs(
      [
        'call',
        '--product',
        PRODUCT,
        '--operator',
        'HEAR策略',
        '--phone',
        caller,
        '--agent',
        'rules',
        '--jsonl',
      ],
      '帮我把自动续费关了，再退我15块\n退款500元\n结束通话\n',
    );
    expect(call.code, call.stderr).toBe(0);
    const after = JSON.parse(
      (
        await cs([
          'query',
          '--product',
          PRODUCT,
          '--phone',
          caller,
          '--interface',
          'user_subscription',
          '--json',
        ])
      ).stdout,
    );
    expect(after.response.subscriptions[0].auto_renew).toBe(false);
    const billing = JSON.parse(
      (
        await cs([
          'query',
          '--product',
          PRODUCT,
          '--phone',
          caller,
          '--interface',
          'user_billing',
          '--param',
          // Today's transactions: the refund is dated today, and the mock filters by the date given.
          `date=${new Date().toLocaleDateString('sv')}`,
          '--json',
        ])
      ).stdout,
    );
    const refunds = (billing.response.transactions as Array<{ amount: number; type?: string }>).filter(
      (t) => t.amount < 0,
    );
    expect(refunds.map((t) => t.amount)).toEqual([-15]); // the 500 needed a supervisor: no refund for it
  });

  it('queries a real backend over HTTP: cs mock-server, a server that is down, one answering garbage', async () => {
    const realDb = `${db}-real`;
    await seedRecords(realDb);
    const { url, child } = await startMockServerProcess(realDb);
    const garbage = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>not json</html>');
    });
    const garbageUrl = await listen(garbage);
    try {
      const real = (base: string) => ({
        api_interfaces: {
          user_subscription: {
            description: '查询用户订阅状态',
            endpoint: '/api/user/{user_id}/subscriptions',
            method: 'GET',
            params: ['user_id'],
            response_fields: ['subscriptions', 'status'],
            mock_enabled: false,
            api_base_url: base,
          },
        },
      });
      /** Points the product's subscription interface at a backend; the update must succeed. */
      const pointProductAt = async (base: string) => {
        const r = await runCsInProcess([
          'update',
          'product',
          '--db',
          realDb,
          '--name',
          PRODUCT,
          '--updates',
          JSON.stringify(real(base)),
        ]);
        expect(r.code, r.stderr).toBe(0);
      };
      const query = () =>
        runCsInProcess([
          'query',
          '--db',
          realDb,
          '--product',
          PRODUCT,
          '--phone',
          PHONE,
          '--interface',
          'user_subscription',
        ]);

      await pointProductAt(url);
      const ok = await query();
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('【系统查询结果 - Real】');
      expect(ok.stdout).toContain('状态: 成功');

      await pointProductAt(garbageUrl);
      const bad = await query();
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('状态: 失败');
      expect(bad.stdout).not.toContain('"subscriptions"');

      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await pointProductAt(url);
      const down = await query();
      expect(down.code).toBe(1);
      expect(down.stdout).toContain('状态: 失败');
    } finally {
      child.kill('SIGKILL');
      garbage.close();
    }
  });
});
