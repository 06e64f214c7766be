import { describe, expect, it } from 'vitest';
import { runCallInProcess } from '../../test/support/run-call-in-process.js';
import { enProduct, OPERATOR_ZH, scenarioProduct } from '../../test/support/scenario-records.js';

describe('a built-in call, in process', () => {
  it('greets, answers each line, and ends with the operator closing on a goodbye', async () => {
    const { events, session } = await runCallInProcess({ turns: ['你好', '没事了，再见'] });
    expect(events[0]).toMatchObject({ type: 'agent', content: OPERATOR_ZH.greeting });
    expect(events.filter((e) => e.type === 'customer').map((e) => e.content)).toEqual([
      '你好',
      '没事了，再见',
    ]);
    expect(session.record.conversation.at(-1)?.content).toContain('祝您生活愉快');
  });

  it('needs a supervisor for a large refund and leaves the call to follow up', async () => {
    const { session, review } = await runCallInProcess({ turns: ['我要退款200元', '结束通话'] });
    expect(session.record.permission_checks.map((c) => c.status)).toContain('requires_supervisor');
    expect(session.record.actions_performed).toEqual([]);
    expect(review).toMatchObject({ resolution_status: 'partially_resolved', follow_up_required: true });
  });

  it('tells a caller asking again for a refund already given that it was, and gives nothing twice', async () => {
    const billing = {
      transactions: [
        { transaction_id: 'R1', date: '2026-01-22', amount: -15, type: 'refund', refund_of: 'T2' },
        { transaction_id: 'T2', date: '2026-01-20', amount: 15, type: 'charge' },
        { transaction_id: 'T1', date: '2025-12-20', amount: 15, type: 'charge' },
      ],
      total: 15,
    };
    const { session, events } = await runCallInProcess({
      turns: ['这个月扣的会员费能退吗', '结束通话'],
      mock: { user_billing: billing },
    });
    const said = events.filter((e) => e.type === 'agent').map((e) => e.content);
    expect(said.some((line) => line.includes('1月20日那笔15元已经退过款了'))).toBe(true);
    expect(session.record.actions_performed).toEqual([]);
  });

  it('takes up a statement whose mention asks for a step the rules name, and no other', async () => {
    const product = enProduct({
      operator_permissions: {
        can_approve_immediately: ['report a lost item'],
        requires_supervisor: ['refund > $15'],
        requires_process: ['safety incident report'],
        forbidden: [],
      },
    });
    const { session } = await runCallInProcess({
      language: 'en',
      product,
      turns: [
        'I think I left my umbrella in the car',
        'the driver kept running red lights, it felt really unsafe',
        'my driver was rude',
        'bye',
      ],
    });
    const checked = session.record.permission_checks.map((c) => [c.turn, c.rule, c.status]);
    expect(checked).toEqual([
      [0, 'report a lost item', 'can_approve_immediately'],
      [1, 'safety incident report', 'requires_process'],
    ]);
  });

  it('asks how much when a rule allows a request up to a limit and none was said, then decides it', async () => {
    const product = scenarioProduct({
      operator_permissions: {
        can_approve_immediately: ['延迟退房至14点'],
        requires_supervisor: ['退款>=100元'],
        requires_process: [],
        forbidden: [],
      },
    });
    const { session, events } = await runCallInProcess({
      product,
      turns: ['我想晚点退房', '下午两点吧', '结束通话'],
    });
    const said = events.filter((e) => e.type === 'agent').map((e) => e.content);
    expect(said[1]).toContain('您具体想到几点呢？');
    expect(session.record.permission_checks.map((c) => [c.turn, c.status])).toEqual([
      [1, 'can_approve_immediately'],
    ]);
    expect(session.record.tickets).toEqual([]);
  });
});
