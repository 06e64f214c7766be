import { describe, expect, it } from 'vitest';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import { renderSystemQueryBlock } from './system-query-block.js';

const ok: SystemQueryRecord = {
  interface: 'user_subscription',
  method: 'GET',
  endpoint: '/api/user/13800138000/subscriptions',
  purpose: '查询用户订阅状态',
  mock: true,
  ok: true,
  response: { subscriptions: [{ name: '超级会员', fee: 15 }], status: 'active' },
};

describe('renderSystemQueryBlock', () => {
  it('renders the seed block in Chinese with the phone masked', () => {
    expect(renderSystemQueryBlock(ok, { lang: 'zh', phone: '13800138000' })).toBe(
      [
        '【系统查询结果 - Mock】',
        '接口: GET /api/user/138****8000/subscriptions',
        '目的: 查询用户订阅状态',
        '状态: 成功',
        '响应: {',
        '  "subscriptions": [',
        '    {',
        '      "name": "超级会员",',
        '      "fee": 15',
        '    }',
        '  ],',
        '  "status": "active"',
        '}',
        '---',
      ].join('\n'),
    );
  });

  it('renders a failed real query in English without a response', () => {
    const failed: SystemQueryRecord = {
      ...ok,
      endpoint: '/api/user/13800138000/billing?date=2026-01-25&phone=13800138000',
      purpose: 'Look up billing',
      mock: false,
      ok: false,
      error: 'GET http://127.0.0.1:9/api/... failed: connection refused',
    };
    delete failed.response;
    expect(renderSystemQueryBlock(failed, { lang: 'en', phone: '13800138000' })).toBe(
      [
        '[System Query Result - Real]',
        'Endpoint: GET /api/user/138****8000/billing?date=2026-01-25&phone=138****8000',
        'Purpose: Look up billing',
        'Status: Failed: GET http://127.0.0.1:9/api/... failed: connection refused',
        '---',
      ].join('\n'),
    );
  });

  it('says 失败 with the error in Chinese', () => {
    const block = renderSystemQueryBlock(
      { ...ok, ok: false, error: 'HTTP 500' },
      { lang: 'zh', phone: '13800138000' },
    );
    expect(block).toContain('状态: 失败: HTTP 500');
    expect(block).toContain('【系统查询结果 - Mock】');
  });

  it('says OK in English', () => {
    const block = renderSystemQueryBlock(ok, { lang: 'en', phone: '13800138000' });
    expect(block.split('\n').slice(0, 4)).toEqual([
      '[System Query Result - Mock]',
      'Endpoint: GET /api/user/138****8000/subscriptions',
      'Purpose: 查询用户订阅状态',
      'Status: OK',
    ]);
    expect(block.endsWith('\n---')).toBe(true);
  });
});
