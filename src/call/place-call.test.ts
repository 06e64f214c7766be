import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareAgent } from '../agent/choose-agent.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { PlacedCall } from './place-call.js';

const records = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/calls/records.json', import.meta.url), 'utf8'),
);

describe('PlacedCall: the clock', () => {
  it('runs a call at CS_NOW’s time, as the ticket and approval commands do (a suite’s dates are for one day)', async () => {
    const store = new MemoryRecordStore();
    await store.create('product', records.products[0]);
    for (const o of records.operators) await store.create('operator', o);
    const env = { CS_NOW: '2027-06-16T02:00:00Z', CS_LLM_PROVIDER: '', CS_LLM_MODEL: '' };
    const call = await PlacedCall.open({
      store,
      env,
      makeAgent: await prepareAgent({ kind: 'rules', env }),
      product: records.products[0].name,
      operator: records.operators[0].name,
      caller: { phone: '13900001234' },
      language: 'zh',
    });
    try {
      expect(call.session.record.started_at.startsWith('2027-06-16')).toBe(true);
    } finally {
      await call.close();
    }
  });
});
