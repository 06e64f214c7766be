import { describe, expect, it } from 'vitest';
import { inStandardSpelling } from './caller-words.js';

describe('inStandardSpelling', () => {
  it('reads spoken spellings in the standard one, whole words only', () => {
    expect(inStandardSpelling('Wot she pay? Set him up wid that - sumtin for dem')).toBe(
      'what she pay? Set him up with that - something for them',
    );
    expect(inStandardSpelling('a demo of the wotsit, tingle, dated')).toBe(
      'a demo of the wotsit, tingle, dated',
    );
  });
  it('leaves the words of more than one meaning as said (ent, ya)', () => {
    expect(inStandardSpelling('I ent had me paper, ya know')).toBe('I ent had me paper, ya know');
  });
});
