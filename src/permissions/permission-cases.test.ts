import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OperatorPermissionsSchema, PERMISSION_CATEGORIES } from '../domain/record-schemas.js';
import { checkPermission, compileRules } from './index.js';

const Category = z.enum(PERMISSION_CATEGORIES);
const CasesFile = z.object({
  rules: z.record(z.string(), OperatorPermissionsSchema),
  cases: z.array(z.tuple([z.string(), z.string(), z.union([Category, z.array(Category).min(1)])])),
});

const file = CasesFile.parse(
  JSON.parse(
    readFileSync(new URL('../../../shared/scenarios/permission-cases.json', import.meta.url), 'utf8'),
  ),
);
const compiled = new Map(Object.entries(file.rules).map(([key, rules]) => [key, compileRules(rules)]));

describe('permission cases (shared/scenarios/permission-cases.json)', () => {
  it('reads every case of the file', () => {
    expect(file.cases.length).toBeGreaterThan(50);
  });

  it.each(file.cases)('%s: %s -> %j', (key, action, expected) => {
    const rules = compiled.get(key);
    expect(rules, `rules "${key}"`).toBeDefined();
    const decision = checkPermission(rules!, action);
    const accepted = Array.isArray(expected) ? expected : [expected];
    expect(accepted).toContain(decision.status);
    if (!accepted.includes('can_approve_immediately')) {
      expect(decision.status).not.toBe('can_approve_immediately');
    }
  });
});
