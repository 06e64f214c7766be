import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCs, tempDb } from '../support/run-cs.js';
import { seedRecords } from '../support/seed-records.js';
import { hasScript, typeInTerminal } from '../support/type-in-terminal.js';

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
