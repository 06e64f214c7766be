import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../call/call-agent.js';
import type { RequestEntry } from '../../domain/session-schemas.js';
import { withdraws } from './turn-intents.js';

/** A call with one request waiting for a supervisor: what withdrawing words would drop. */
const withOpenRequest = {
  requests: [
    {
      what: 'refund €226.75',
      action: 'refund €226.75',
      rule: null,
      outcome: 'requires_supervisor',
      state: 'escalated',
      carried_out: false,
      withdrawn: false,
    } satisfies RequestEntry,
  ],
} as unknown as CallContext;

describe('withdraws', () => {
  it.each([
    'Ah sure look, just leave it',
    "You know what, drop it, it's not worth the hassle",
    '要报主管这么麻烦啊？算啦算啦，二十九块，不搞了。',
    '好啦好啦，咁先做复审啦，退钱那个唔使搞了。',
  ])('reads %j as dropping the open request', (said) => {
    expect(withdraws(withOpenRequest, said)).toBe(true);
  });

  // Drop it back, leave it at the depot: the thing hired taken somewhere, nothing dropped.
  it.each([
    'I can drop it back for her on my way.',
    "I'll leave it at the depot on Friday",
    'Just drop it off at the back door',
    '你把申请日期写早啲，咁就唔使交延迟费啦嘛',
    // Dropped only if something holds, which the caller asks after.
    '他自己是不是也在你们这边认养了？他要是自己有了，我就不要重复送了。',
    "If she's already got one, never mind the order",
    // A time to come supposed, asked about: nothing dropped now.
    '想办个季卡，季卡多少钱？押金多少？以后不办了押金能退不能？',
    // It must not be let go: the opposite of dropping it.
    '这个人你们得管管，不能就这么算了。',
  ])('reads %j as no withdrawal', (said) => {
    expect(withdraws(withOpenRequest, said)).toBe(false);
  });
});
