import { describe, expect, it } from 'vitest';
import { transcriptBlocks } from '../console/call-transcript.js';
import { newestWins } from '../console/live-changes.js';
import { eventData, readEventStream, type StreamEvent } from './api.js';
import { countdown } from './i18n.js';

describe('countdown', () => {
  const due = Date.parse('2026-11-30T10:00:00Z');
  it.each([
    [due - (3_600_000 + 5 * 60_000 + 7_000), 'zh', '剩余 1小时5分07秒', false],
    [due - 59_000, 'en', '0m 59s left', false],
    [due + 2 * 3_600_000 + 1_000, 'zh', '已超时 2小时0分01秒', true],
    [due + 61_000, 'en', 'overdue by 1m 01s', true],
  ] as const)('at %d in %s reads %s', (now, lang, text, overdue) => {
    expect(countdown(due, now, lang)).toEqual({ text, overdue });
  });
});

/** A response whose body arrives in the given pieces, as a network would cut it. */
function streamed(pieces: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

describe('readEventStream', () => {
  it('reads events cut anywhere, CRLF or LF, skipping comments, with multi-line data joined', async () => {
    const seen: StreamEvent[] = [];
    await readEventStream(
      streamed([
        ': keep-alive\n\nevent: del',
        'ta\ndata: {"text":"您好"}\n\r\nevent: delta\r\ndata: line one\r\ndata: line two\r\n\r\n',
        'event: done\ndata: {"reply":"您好","notifications":[]}',
      ]),
      (e) => seen.push(e),
    );
    expect(seen).toEqual([
      { event: 'delta', data: '{"text":"您好"}' },
      { event: 'delta', data: 'line one\nline two' },
      { event: 'done', data: '{"reply":"您好","notifications":[]}' },
    ]);
    expect(eventData(seen[0]!.data)).toEqual({ text: '您好' });
    expect(eventData('not json')).toBe('not json');
  });
});

describe('transcriptBlocks', () => {
  it('shows a call as the seed blocks cs call prints, a person’s reply with its name, and a notification', () => {
    const blocks = transcriptBlocks(
      [
        {
          type: 'session_started',
          product: { id: 'p1', name: '会员订阅服务' },
          operator: { id: 'o1', name: 'HEAR策略' },
          customer: { id: 'c1', name: '<b>张先生</b>', phone: '13800138000', cold_start: false },
          language: 'zh',
        },
        { type: 'customer', content: '我要退款200元' },
        {
          type: 'system_query',
          interface: 'user_billing',
          method: 'GET',
          endpoint: '/api/user/13800138000/billing',
          purpose: '查询账单明细',
          mock: true,
          ok: true,
          response: { total: 299 },
        },
        {
          type: 'permission_check',
          action: '退款200元',
          status: 'requires_supervisor',
          rule: '退款>=100元',
          reason: '超出当前权限(退款>=100元)',
        },
        { type: 'agent', content: '您好，我是人工客服小李', by: '小李' } as never,
        { type: 'grant', grant_id: 'g1', action: '退款200元', amount: null, rule: null } as never,
        { type: 'notification', approval_id: 'ap_1', content: '退款200元已经主管批准' },
      ],
      'zh',
    );
    expect(blocks.map((b) => b.tone)).toEqual(['bold', 'plain', 'query', 'pending', 'agent', 'notification']);
    expect(blocks[0]!.text).toContain('客户: <b>张先生</b>');
    expect(blocks[2]!.text).toMatch(
      /^【系统查询结果 - Mock】\n接口: GET \/api\/user\/138\*\*\*\*8000\/billing/,
    );
    expect(blocks[3]!.text.split('\n')[0]).toBe('【权限检查结果】');
    expect(blocks[4]).toMatchObject({ text: '客服: 您好，我是人工客服小李', by: '小李' });
    expect(blocks[5]!.text).toBe('通知: 退款200元已经主管批准');
  });

  it('quotes the product’s SLA in the permission block’s 流程 line when it is known', () => {
    const check = {
      type: 'permission_check',
      action: '退款200元',
      status: 'requires_supervisor',
      rule: null,
      reason: 'r',
    } as const;
    expect(transcriptBlocks([check], 'zh', '主管审批30分钟内回复')[0]!.text).toContain('预计30分钟内回复');
  });
});

describe('newestWins', () => {
  it('shows only the answer to the newest of overlapping loads, whatever order they come back in', async () => {
    const requests = newestWins();
    const shown: string[] = [];
    const load = async (answer: Promise<string>) => {
      const request = requests.start();
      const got = await answer;
      if (requests.isNewest(request)) shown.push(got);
    };
    let answerProducts!: (v: string) => void;
    const products = load(new Promise<string>((r) => (answerProducts = r)));
    const customers = load(Promise.resolve('customers'));
    await customers;
    answerProducts('products');
    await products;
    expect(shown).toEqual(['customers']);
  });
});
