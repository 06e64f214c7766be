import { describe, expect, it } from 'vitest';
import { CsError } from './cs-error.js';
import { tolerateStoredFields, validateRecordFields } from './record-validation.js';

const customer = (extra: Record<string, unknown> = {}) => ({
  name: '张先生',
  phone: '13800138000',
  type: 'returning',
  background: '老用户',
  communication_style: '直接',
  special_needs: '无',
  ...extra,
});

describe('validateRecordFields', () => {
  it.each([
    [13800138000, '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    [8613800138000, '8613800138000'],
  ])('takes the phone %j and returns it as the string %s', (phone, expected) => {
    expect(validateRecordFields('customer', customer({ phone })).phone).toBe(expected);
  });

  it.each([[1.5], [-13800138000], [true], [null], [123]])('refuses the phone %j', (phone) => {
    let error: unknown;
    try {
      validateRecordFields('customer', customer({ phone }));
    } catch (e) {
      error = e;
    }
    expect(CsError.isInstance(error) && error.code).toBe('E_INVALID');
    expect((error as Error).message).toContain('phone');
  });

  it('keeps a non-list interaction_history aside and starts a list, instead of throwing', () => {
    const out = validateRecordFields('customer', customer({ interaction_history: 'x' }));
    expect(out.interaction_history).toEqual([]);
    expect(out.interaction_history_legacy).toBe('x');
  });

  it('keeps a list interaction_history as it is', () => {
    const entry = { session_id: 's', timestamp: 't', type: 'call', summary: 'a', outcome: 'resolved' };
    const out = validateRecordFields('customer', customer({ interaction_history: [entry] }));
    expect(out.interaction_history).toEqual([entry]);
    expect(out).not.toHaveProperty('interaction_history_legacy');
  });
});

describe('tolerateStoredFields', () => {
  it('never overwrites an earlier legacy value: the next one gets a numbered name', () => {
    const out = tolerateStoredFields('customer', {
      interaction_history: { note: 'new' },
      interaction_history_legacy: 'old',
    });
    expect(out).toEqual({
      interaction_history: [],
      interaction_history_legacy: 'old',
      interaction_history_legacy_2: { note: 'new' },
    });
  });

  it('leaves products and operators alone', () => {
    const data = { name: 'P', interaction_history: 'x' };
    expect(tolerateStoredFields('product', data)).toBe(data);
  });
});
