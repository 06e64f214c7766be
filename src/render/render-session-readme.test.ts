import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../domain/session-schemas.js';
import { renderSessionReadme } from './render-session-readme.js';

const DIR = join(
  process.cwd(),
  '../shared/fixtures/legacy-db/customer_service/history/cs_20260125_001_abc123',
);
const legacySession = () => JSON.parse(readFileSync(join(DIR, 'session.json'), 'utf8')) as SessionRecord;

describe('renderSessionReadme', () => {
  it('renders the legacy session like the earlier implementation, JSON instead of Python reprs', () => {
    const legacy = readFileSync(join(DIR, 'README.md'), 'utf8').split('\n');
    const ours = renderSessionReadme(legacySession()).split('\n');
    expect(ours).toHaveLength(legacy.length);
    const differing = ours.map((line, i) => [legacy[i], line]).filter(([a, b]) => a !== b);
    expect(differing).toEqual([
      ['False', 'false'],
      ["{'communication_style': '直接简洁'}", '{"communication_style": "直接简洁"}'],
    ]);
  });

  it('names the speakers in English for an English call', () => {
    const text = renderSessionReadme({ ...legacySession(), language: 'en' });
    expect(text).toContain('**Customer**: 我没有订阅大会员');
    expect(text).toContain('**Agent**: 理解理解');
  });

  it('adds system queries, permission checks, tickets and guard decisions when there are any', () => {
    const text = renderSessionReadme({
      ...legacySession(),
      system_queries: [
        {
          interface: 'user_subscription',
          method: 'GET',
          endpoint: '/api/user/13800138000/subscriptions',
          purpose: '确认订阅',
          mock: true,
          ok: true,
          response: { subscriptions: [] },
        },
      ],
      permission_checks: [
        { action: '退款50元', status: 'can_approve_immediately', rule: '退款<100元', reason: '在权限范围内' },
      ],
      tickets: [{ id: 'T1', kind: 'requires_supervisor', summary: '退款200元' }],
      guard_decisions: [{ rule: 'no_unverified_facts', outcome: 'rewritten', detail: '...' }],
    });
    expect(text).toContain(
      '## System Queries\n\n- GET /api/user/13800138000/subscriptions (user_subscription, mock) — 确认订阅: {"subscriptions": []}\n',
    );
    expect(text).toContain('## Permission Checks\n\n- 退款50元: ✓ 可立即批准 (退款<100元) — 在权限范围内\n');
    expect(text).toContain('## Tickets\n\n- T1 [requires_supervisor]: 退款200元\n');
    expect(text).toContain('## Guard Decisions\n\n- no_unverified_facts: rewritten — ...\n');
  });
});
