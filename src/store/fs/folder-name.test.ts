import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FOLDER_NAME_BYTES, safeFolderName } from './folder-name.js';

const UNSAFE = /[/\\:*?"<>|\p{Cc}]/u;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('safeFolderName', () => {
  it.each([
    ['张先生', '张先生'],
    ['会员订阅服务', '会员订阅服务'],
    ['HEAR策略', 'HEAR策略'],
    ['a/b\\c', 'a_b_c'],
    ['what: "why"? <x> | *', 'what_ _why__ _x_ _ _'],
    ['../../etc/passwd', '_._etc_passwd'],
    ['..', '_'],
    ['   ', '_'],
    ['', '_'],
    ['. hidden .', 'hidden'],
    ['line1\nline2\tend', 'line1 line2 end'],
    ['a\u0000b', 'a b'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['CONSOLE', 'CONSOLE'],
    ['x\u202eevil', 'xevil'],
  ])('makes %j into %j', (input, expected) => {
    expect(safeFolderName(input)).toBe(expected);
  });

  it('cuts a long Chinese name at a character boundary within the byte limit', () => {
    const name = '很'.repeat(100); // 3 bytes each
    const out = safeFolderName(name);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_FOLDER_NAME_BYTES);
    expect(out).toBe('很'.repeat(26));
  });

  it('keeps an emoji sequence whole when cutting', () => {
    const family = '👨‍👩‍👧';
    const out = safeFolderName(`${'a'.repeat(75)}${family}`);
    expect(out).toBe('a'.repeat(75));
  });

  it('never yields a separator, control character, "..", or an empty or over-long name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const out = safeFolderName(name);
        expect(out).not.toMatch(UNSAFE);
        expect(out).not.toContain('..');
        expect(out.length).toBeGreaterThan(0);
        expect(bytes(out)).toBeLessThanOrEqual(MAX_FOLDER_NAME_BYTES);
        expect(out).not.toMatch(/^[.\s]|[.\s]$/u);
        expect(out.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const once = safeFolderName(name);
        expect(safeFolderName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps CJK letters of a short name', () => {
    const cjk = fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
      minLength: 1,
      maxLength: 26,
    });
    fc.assert(
      fc.property(cjk, fc.string({ maxLength: 10 }), (han, tail) => {
        expect(safeFolderName(`${han}${tail}`).startsWith(han)).toBe(true);
      }),
    );
  });
});
