import { describe, expect, it } from 'vitest';
import { stem } from './_words.js';
import { checkPermission, compileRules } from './index.js';

// A gift-card shop's rules, worded as an ops team writes them: the state a rule requires
// (pending, 待审核) is what the records show, seldom what a caller says.
const giftCards = compileRules({
  can_approve_immediately: [
    'Cancel a pending (not yet claimed) gift transfer and resend it to a corrected email / phone',
    '取消待审核的提现申请',
  ],
  requires_supervisor: ['Reissue a gift card by courier at our cost', '提现手续费减免>50元'],
  requires_process: [],
  forbidden: ["Disclose another customer's details"],
});

describe('checkPermission: states the call has queried are facts', () => {
  it('a state unsaid keeps an approval back; the same state shown by a query completes it', () => {
    const asked = 'can you cancel the gift transfer and resend it to the right email';
    expect(checkPermission(giftCards, asked).status).not.toBe('can_approve_immediately');
    const decided = checkPermission(giftCards, asked, { facts: ['pending'] });
    expect(decided.status).toBe('can_approve_immediately');
    expect(decided.rule).toMatch(/^Cancel a pending/);
  });

  it('in Chinese as well', () => {
    expect(checkPermission(giftCards, '把那笔提现取消了').status).not.toBe('can_approve_immediately');
    expect(checkPermission(giftCards, '把那笔提现取消了', { facts: ['待审核'] }).status).toBe(
      'can_approve_immediately',
    );
  });

  it('a state shown rules out the rule that needs its opposite', () => {
    const repairs = compileRules({
      can_approve_immediately: ['保修期内免费维修'],
      requires_supervisor: ['保修期外免费维修'],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(repairs, '音箱坏了，免费修一下', { facts: ['保修期内'] }).status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(repairs, '音箱坏了，免费修一下', { facts: ['保修期外'] }).status).toBe(
      'requires_supervisor',
    );
  });

  it('facts name no action: a bare "cancel it" is about nothing the rules approve', () => {
    expect(checkPermission(giftCards, 'can you cancel it', { facts: ['pending'] }).status).not.toBe(
      'can_approve_immediately',
    );
  });

  it('a decision with facts is not cached for the same words without them', () => {
    const asked = 'cancel the gift transfer please';
    expect(checkPermission(giftCards, asked, { facts: ['pending'] }).status).toBe('can_approve_immediately');
    expect(checkPermission(giftCards, asked).status).not.toBe('can_approve_immediately');
    expect(checkPermission(giftCards, asked).status).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: what the caller tells they did is what "it" is', () => {
  it('i sent … can you cancel it', () => {
    const told = 'so I transferred a gift card to my niece yesterday. can u cancel it';
    const decided = checkPermission(giftCards, told, { facts: ['pending'] });
    expect(decided.status).toBe('can_approve_immediately');
    expect(decided.rule).toMatch(/gift transfer/);
  });

  it('a problem told beside the request is why it is asked, not a second request', () => {
    const decided = checkPermission(
      giftCards,
      'my nephew has not received it, can you cancel the gift transfer and send it again',
      { facts: ['pending'] },
    );
    expect(decided.status).toBe('can_approve_immediately');
    expect(decided.parts).toHaveLength(1);
  });

  it('an email address is one word, not two clauses', () => {
    const decided = checkPermission(giftCards, 'please resend it to amy.lee@example.com');
    expect(decided.parts.every((p) => !p.text.startsWith('lee@') && p.text !== 'com')).toBe(true);
    expect(decided.parts.map((p) => p.text).join(' ')).toContain('amy.lee@example.com');
  });
});

describe('stem: a consonant doubled before -ed or -ing', () => {
  it.each([
    ['transferred', 'transfer'],
    ['transferring', 'transfer'],
    ['cancelled', 'cancel'],
    ['stopped', 'stop'],
    ['added', 'add'],
    ['called', 'call'],
    ['booked', 'book'],
  ])('%s → %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('checkPermission: in warranty as a fact, beside what the caller did', () => {
  const rules = compileRules({
    can_approve_immediately: ['整机质保期内免费维修'],
    requires_supervisor: ['保修期外免费维修', '换新机'],
    requires_process: [],
    forbidden: [],
  });
  it('approves a repair asked plainly when the records show the unit in warranty', () => {
    const said = '耳机一点声音都没有，电池我换了两个新的，还是不响。你们赶快给我修';
    expect(checkPermission(rules, said, { facts: ['保修期内'] }).status).toBe('can_approve_immediately');
    expect(checkPermission(rules, said).status).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: a "when I …" clause tells what happened', () => {
  const rules = compileRules({
    can_approve_immediately: [],
    requires_supervisor: [],
    requires_process: ['Claims that a laptop was wiped or damaged while in our care'],
    forbidden: ['Bypassing a BIOS or account password for anyone'],
  });
  it('refuses the bypass and opens no claim for the reset the caller did', () => {
    const d = checkPermission(
      rules,
      'My brother left me his old laptop. But when I reset it, it asked for his password. Can you bypass the password?',
    );
    expect(d.status).toBe('forbidden');
    expect(d.parts.map((p) => p.status)).not.toContain('requires_process');
  });
});

describe('checkPermission: a move to a day named, measured from today', () => {
  // A scenic area's rules: a free change of date once, a later one (or a far one) by a supervisor.
  const tickets = compileRules({
    can_approve_immediately: ['门票免费改期一次'],
    requires_supervisor: ['第二次改期或改到30天以后'],
    requires_process: [],
    forbidden: [],
  });

  it('approves a move three days on and sends one seven weeks on to a supervisor', () => {
    const today = '2037-10-07';
    expect(checkPermission(tickets, '门票改到周六10月10日', { today }).status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(tickets, '门票改到11月28号', { today }).status).toBe('requires_supervisor');
    // Without today the day cannot be measured: the stricter rule decides.
    expect(checkPermission(tickets, '门票改到周六10月10日').status).toBe('requires_supervisor');
  });

  it('reads a second change as the second, whatever the day', () => {
    expect(checkPermission(tickets, '第二次改期，改到10月10日', { today: '2037-10-07' }).status).toBe(
      'requires_supervisor',
    );
  });
});
