import { describe, expect, it } from 'vitest';
import { callerScope } from './caller-scope.js';

describe('callerScope', () => {
  it('gives a known caller their name and record', () => {
    const scope = callerScope({
      customer: { name: '王芳', background: '常带女儿小雨来上课' },
      phone: '13800138000',
      coldStart: false,
    });
    expect(scope.callerName).toBe('王芳');
    expect(scope.recordText).toContain('小雨');
    expect(scope.unlisted).toBeUndefined();
  });

  it('puts a cold-start caller on no account, with no placeholder name', () => {
    const scope = callerScope({ customer: { name: '来电客户_1111' }, phone: '13900001111', coldStart: true });
    expect(scope).toEqual({ callerPhone: '13900001111', callerName: '', recordText: '', unlisted: true });
  });
});
