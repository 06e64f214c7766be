import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldLabel, inlineJson, renderRecordReadme } from './render-record-readme.js';

const LEGACY = join(process.cwd(), '../shared/fixtures/legacy-db/customer_service');
const read = (rel: string) => readFileSync(join(LEGACY, rel), 'utf8');
const record = (rel: string) => JSON.parse(read(`${rel}/info.json`)) as Record<string, unknown>;

describe('fieldLabel', () => {
  it.each([
    ['communication_style', 'Communication Style'],
    ['faq', 'Faq'],
    ['api_interfaces', 'Api Interfaces'],
    ['sla', 'Sla'],
    ['user_id2x', 'User Id2X'],
    ['VIP_level', 'Vip Level'],
    ['特殊_需求', '特殊 需求'],
  ])('labels %s as %s', (key, label) => {
    expect(fieldLabel(key)).toBe(label);
  });
});

describe('inlineJson', () => {
  it('writes one readable line with spaces after separators', () => {
    expect(inlineJson({ q: '如何取消', a: ['x', true, null, 1.5] })).toBe(
      '{"q": "如何取消", "a": ["x", true, null, 1.5]}',
    );
  });
});

describe('renderRecordReadme', () => {
  it.each([
    'customers/4f064bfb_张先生',
    'customers/89f8127c_李女士',
    'operators/6e48aa0a_LAST策略',
    'operators/f90ec0b9_HEAR策略',
  ])('renders %s exactly as the earlier implementation did', (rel) => {
    expect(renderRecordReadme(record(rel))).toBe(read(`${rel}/README.md`));
  });

  it('renders a product like the earlier implementation, with JSON where it printed Python reprs', () => {
    const rel = 'products/ea1677ad_会员订阅服务';
    const legacy = read(`${rel}/README.md`).split('\n');
    const ours = renderRecordReadme(record(rel)).split('\n');
    expect(ours).toHaveLength(legacy.length);
    const differing = ours.filter((line, i) => line !== legacy[i]);
    expect(differing).toEqual([
      '- {"q": "如何取消", "a": "设置-会员"}',
      '- **user_subscription**: {"description": "查询用户订阅状态", "endpoint": "/api/user/{user_id}/subscriptions", "method": "GET", "params": ["user_id"], "response_fields": ["subscriptions", "status"], "mock_enabled": true}',
      '- **can_approve_immediately**: ["退款<100元", "重置密码"]',
      '- **requires_supervisor**: ["退款>=100元", "账户注销"]',
      '- **requires_process**: ["投诉处理", "赔偿申请"]',
      '- **forbidden**: ["透露其他用户信息"]',
    ]);
  });

  it('leaves metadata out and renders unknown fields, numbers and booleans', () => {
    const text = renderRecordReadme({
      name: 'X',
      _id: '00000000',
      _cold_start: true,
      level: 3,
      active: false,
    });
    expect(text).toBe('# X\n\n**Name**: X\n\n**Level**: 3\n\n**Active**: false\n\n');
  });

  it('renders interaction_history last, whatever its place in the record', () => {
    const text = renderRecordReadme({
      interaction_history: [{ timestamp: 't1', summary: 's1' }, 'odd entry'],
      name: 'Y',
    });
    expect(text).toBe('# Y\n\n**Name**: Y\n\n## 交互历史\n\n- t1: s1\n- odd entry\n\n');
  });
});
