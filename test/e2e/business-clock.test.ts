import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, parseEvents, runCs } from '../support/run-cs.js';

// Records hold the business's wall-clock times (a cleaning booked for 2026-12-03 09:00, no
// offset). A drill's clock that says it is ten in the morning at +08:00 must read them at +08:00,
// on a server in any zone: 23 hours of notice, not the 31 a UTC process would count.

const RECORDS = join(PROJECT_ROOT, 'eval', 'records.json');
const NOTICE_SHORT = {
  name: 'a booking tomorrow at nine, moved with 23 hours to go',
  product: '蜜蜂到家保洁',
  phone: '13924586017',
  mock: {
    service_orders: {
      orders: [
        {
          order_id: 'MF20261203012',
          service_type: '深度保洁',
          date: '2026-12-03',
          start_time: '09:00',
          hours: 5,
          status: '待服务',
          reschedule_count: 0,
        },
      ],
    },
  },
  turns: ['我明天上午九点那个深度保洁，想改到礼拜天', '好的，没别的事了'],
  // 改约一次（服务前24小时以上，免费）does not cover it: the supervisor decides.
  expect: { permission: [{ turn: 0, status: 'requires_supervisor' }] },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-clock-'));
  await writeFile(join(dir, 'suite.json'), JSON.stringify({ records: RECORDS, scenarios: [NOTICE_SHORT] }));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function passed(env: NodeJS.ProcessEnv): Promise<boolean> {
  const run = await runCs(['eval', '--db', 'memory', '--jsonl', 'suite.json'], {
    cwd: dir,
    env,
    timeoutMs: 60_000,
  });
  const summary = parseEvents(run.stdout).at(-1);
  expect(summary?.type).toBe('summary');
  return summary?.passed === 1;
}

describe('a fixed clock with an offset is the business’s zone', () => {
  it('CS_NOW at +08:00 with TZ unset: the booking is 23 hours away on any server, and not moved free', async () => {
    expect(await passed({ CS_NOW: '2026-12-02T10:00:00+08:00', TZ: undefined })).toBe(true);
  });
  it('a TZ that is set wins: at UTC the same clock leaves 31 hours, and the move is free', async () => {
    expect(await passed({ CS_NOW: '2026-12-02T10:00:00+08:00', TZ: 'UTC' })).toBe(false);
  });
});
