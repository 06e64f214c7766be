import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCallStartBlock, renderReviewBlock } from './call-blocks.js';
import { escapeControlChars } from './escape-control-chars.js';
import { renderSystemQueryBlock } from './system-query-block.js';

// Anything a terminal would act on: C0, DEL, C1, bidi embeddings/overrides/isolates and marks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('escapeControlChars', () => {
  it.each([
    ['ESC and a screen clear', 'a\u001b[2Jb', 'a\\x1b[2Jb'],
    ['a bell and a NUL', '\u0007\u0000', '\\x07\\x00'],
    ['a C1 CSI', 'x\u009by', 'x\\x9by'],
    ['a right-to-left override', '\u202eevil', '\\u202eevil'],
    ['a bidi isolate', 'a\u2066b\u2069', 'a\\u2066b\\u2069'],
    ['a carriage return', 'ok\rfake', 'ok\\x0dfake'],
    ['newlines and tabs in a value', 'a\nb\tc', 'a\\x0ab\\x09c'],
    ['plain Chinese and English', '张先生 Mr Zhang', '张先生 Mr Zhang'],
  ])('shows %s escaped', (_label, input, expected) => {
    expect(escapeControlChars(input)).toBe(expected);
  });

  it('keeps line breaks and tabs of a whole text with multiline', () => {
    expect(escapeControlChars('a\n\tb\u001b', { multiline: true })).toBe('a\n\tb\\x1b');
  });

  it('leaves nothing a terminal would act on, and changes nothing twice', () => {
    fc.assert(
      fc.property(
        // Code units up to the bidi isolates cover every character the helper handles.
        fc.array(fc.integer({ min: 0, max: 0x206f })).map((codes) => String.fromCharCode(...codes)),
        (s) => {
          const once = escapeControlChars(s);
          return !DANGEROUS.test(once) && escapeControlChars(once) === once;
        },
      ),
    );
  });
});

describe('renderers with hostile text', () => {
  it('escape record names in the call start block', () => {
    const block = renderCallStartBlock(
      {
        type: 'session_started',
        product: { id: 'p', name: 'P\u001b]0;owned\u0007' },
        operator: { id: 'o', name: 'HEAR\u202e' },
        customer: { id: 'c', name: '张\u001b[2J先生\nfake line', phone: '13800138000', cold_start: false },
        language: 'zh',
      },
      'zh',
    );
    expect(DANGEROUS.test(block.replaceAll('\n', ''))).toBe(false);
    expect(block.split('\n')).toHaveLength(6);
    expect(block).toContain('客户: 张\\x1b[2J先生\\x0afake line');
  });

  it('escape the review and the system response', () => {
    const review = renderReviewBlock(
      {
        resolution_status: 'resolved',
        issue_summary: 'x\u001b[31m',
        actions_taken: ['\u009b2J'],
        follow_up_required: false,
        customer_updates: { note: '\u202eabc' },
      },
      'en',
    );
    expect(DANGEROUS.test(review.replaceAll('\n', ''))).toBe(false);
    const query = renderSystemQueryBlock(
      {
        interface: 'i',
        method: 'GET',
        endpoint: '/api/x',
        purpose: 'p\u001b',
        mock: false,
        ok: true,
        response: { name: '\u202e\u0085' },
      },
      { lang: 'en', phone: '' },
    );
    expect(DANGEROUS.test(query.replaceAll('\n', ''))).toBe(false);
    expect(query).toContain('"name": "\\u202e\\x85"');
  });
});
