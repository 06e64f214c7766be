import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CS_BIN, PROJECT_ROOT, runCs, tempDb } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';

// `script` (util-linux) gives the command a real terminal, as a person at a keyboard has.
const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs `cs` in a pseudo-terminal, typing each line after a pause; returns what the screen showed. */
function typeInTerminal(args: string[], lines: string[]): Promise<{ code: number; screen: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, CS_BIN, ...args]
      .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
      .join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: PROJECT_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      screen += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, screen }));
    let i = 0;
    const next = () => {
      if (i >= lines.length) return;
      child.stdin.write(`${lines[i++]}\n`);
      setTimeout(next, 300);
    };
    setTimeout(next, 800);
  });
}

describe.skipIf(!hasScript)('cs in a terminal', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    tmp = await tempDb();
  });
  afterAll(async () => tmp.cleanup());

  it('asks for each field of a new customer and asks again after a wrong answer', async () => {
    const { code, screen } = await typeInTerminal(
      ['create', 'customer', '--db', tmp.db],
      ['赵六', '139 1111 2222', 'gold', 'vip', '企业客户', '说话直接', '无'],
    );
    expect(code).toBe(0);
    expect(screen).toContain('must be new, returning or vip');
    const read = await runCs(['read', 'customer', '--db', tmp.db, '--phone', '13911112222', '--json']);
    expect(JSON.parse(read.stdout)).toMatchObject({ name: '赵六', type: 'vip', special_needs: '无' });
  });

  it('runs a call at a prompt with the seed blocks', async () => {
    const db = `${tmp.db}-call`;
    await seedRecords(db);
    const { code, screen } = await typeInTerminal(
      [
        'call',
        '--db',
        db,
        '--product',
        '会员订阅服务',
        '--operator',
        'HEAR策略',
        '--phone',
        '13800138000',
        '--agent',
        'rules',
      ],
      ['我要投诉', '结束通话'],
    );
    expect(code).toBe(0);
    expect(screen).toContain('客户> ');
    expect(screen).toContain('【权限检查结果】');
    expect(screen).toContain('--- 客服电话已结束 ---');
  });
});
