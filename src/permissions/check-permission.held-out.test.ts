import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OperatorPermissionsSchema } from '../domain/record-schemas.js';
import { checkPermission, compileRules } from './index.js';

// Requests read against the whole rule sets of products in the held-out rounds (eval/held-out-*),
// where a rule's reading depends on the product's other rules (the words they share are its domain).
const Records = z.object({
  products: z.array(z.object({ name: z.string(), operator_permissions: OperatorPermissionsSchema })),
});
const statusFor = (round: string, product: string) => {
  const records = Records.parse(
    JSON.parse(readFileSync(new URL(`../../eval/${round}/records.json`, import.meta.url), 'utf8')),
  );
  const found = records.products.find((p) => p.name === product);
  if (!found) throw new Error(`no product ${product} in ${round}`);
  const rules = compileRules(found.operator_permissions);
  return (said: string) => checkPermission(rules, said).status;
};

describe('checkPermission on a postpartum care centre’s rules (held-out round 16)', () => {
  const status = statusFor('held-out-16', '悦禾月子会所');

  it('reads 续住 with a number of days as the extension, within the rule’s days or beyond them', () => {
    expect(status('刀口长得慢，你给我续住五天，原来31号走，改成11月5号走，钱我出')).toBe(
      'can_approve_immediately',
    );
    expect(status('续住十天')).toBe('requires_supervisor');
  });
});

describe('checkPermission on a coach line’s rules, written as long English sentences (held-out round 16)', () => {
  const status = statusFor('held-out-16', 'Kōtuku Coachlines');

  it('reads a booking asked for plainly as the rule booking new journeys', () => {
    expect(status("please book me on Friday's morning bus to Wellington")).toBe('can_approve_immediately');
    expect(
      status('Then please book me from Taupo to Wellington on Friday, the morning bus, with the bike'),
    ).toBe('can_approve_immediately');
  });
});
