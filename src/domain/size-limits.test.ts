import { describe, expect, it } from 'vitest';
import { CsError } from './cs-error.js';
import { checkRecordSizes, parseBoundedJson, SIZE_LIMITS } from './size-limits.js';

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

function errorOf(run: () => unknown): CsError {
  try {
    run();
  } catch (error) {
    if (CsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CsError');
}

describe('parseBoundedJson', () => {
  it('parses JSON nested up to the limit', () => {
    expect(parseBoundedJson(nested(SIZE_LIMITS.jsonDepth), '--data')).toBeInstanceOf(Array);
  });

  it('refuses one level more, and very deep input, as invalid input naming the flag', () => {
    for (const depth of [SIZE_LIMITS.jsonDepth + 1, 200_000]) {
      const error = errorOf(() => parseBoundedJson(`{"a":${nested(depth)}}`, '--data'));
      expect(error.code).toBe('E_INVALID');
      expect(error.message).toMatch(/^--data is nested more than 64 levels/);
    }
  });

  it('refuses text over the input limit before parsing it', () => {
    const error = errorOf(() => parseBoundedJson(`"${'x'.repeat(SIZE_LIMITS.inputBytes)}"`, '--file'));
    expect(error.message).toMatch(/^--file is 16 MB; the limit is 16 MB/);
  });

  it('says which flag holds broken JSON', () => {
    expect(errorOf(() => parseBoundedJson('{', '--updates')).message).toMatch(/^--updates is not valid JSON/);
  });
});

describe('checkRecordSizes', () => {
  it('accepts a name of 200 characters (counted as characters, not bytes)', () => {
    expect(() => checkRecordSizes({ name: '张'.repeat(200) }, 'customer')).not.toThrow();
  });

  it('refuses a longer name, naming the field and the limit', () => {
    const error = errorOf(() => checkRecordSizes({ name: 'x'.repeat(201) }, 'customer'));
    expect(error).toMatchObject({ code: 'E_INVALID' });
    expect(error.message).toBe('customer name is 201 characters; the limit is 200 (名称过长).');
  });

  it('refuses a field over 64 KB serialised, naming it', () => {
    const error = errorOf(() => checkRecordSizes({ name: 'n', faq: ['x'.repeat(70_000)] }, 'product'));
    expect(error.message).toMatch(/^product field "faq" is 68\.4 KB; the limit is 64 KB per field/);
  });
});
