import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import { compileRules } from '../../permissions/index.js';
import { ruleSharingWords } from './product-rules.js';

const rules = compileRules({
  can_approve_immediately: ['解除本人申请的冻结'],
  requires_supervisor: [],
  requires_process: ['封号申诉（提交申诉材料）'],
  forbidden: ['未经本人授权为他人账号查询、换绑、解封（朋友、队友均不可）'],
});
const ctx = { rules: () => rules } as unknown as CallContext;

describe('ruleSharingWords', () => {
  it('never reads a forbidden rule as the request, however many words it shares', () => {
    const found = new Set(['他人', '账号', '查询', '换绑', '解封', '朋友', '队友']);
    const picked = ruleSharingWords(ctx, (c) => c === 'unlock_account', found);
    expect(picked?.phrase ?? '').not.toContain('他人');
  });
});
