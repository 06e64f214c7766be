import { describe, expect, it } from 'vitest';
import { forbiddenReason } from './reply-phrases.js';

describe('forbiddenReason', () => {
  it.each([
    ['透露其他用户信息', 'zh', '按规定不能透露其他用户信息'],
    ['禁止透露骑手电话', 'zh', '按规定，禁止透露骑手电话'],
    ['未经本人同意修改账户。', 'zh', '按规定，未经本人同意修改账户'],
    ["disclose other customers' data", 'en', "our rules don't allow us to disclose other customers' data"],
    [
      "Telling anyone anything about an account that isn't theirs",
      'en',
      "it's against our rules: Telling anyone anything about an account that isn't theirs",
    ],
    ['never share a PIN', 'en', "it's against our rules: never share a PIN"],
  ] as const)('says %s as a sentence (%s)', (rule, lang, said) => {
    expect(forbiddenReason(rule, lang)).toBe(said);
  });
});
