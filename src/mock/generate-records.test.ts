import { faker as globalFaker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsError } from '../domain/cs-error.js';
import { METHODOLOGY_STEPS } from '../domain/methodology.js';
import {
  FIELD_SCHEMAS,
  PERMISSION_CATEGORIES,
  RECORD_TYPES,
  type RecordType,
} from '../domain/record-schemas.js';
import { validateRecordFields } from '../domain/record-validation.js';
import { generateRecords, mockRecordSource } from './generate-records.js';
import { PRODUCT_TEMPLATES_ZH } from './product-templates-zh.js';

const LANGS = ['zh', 'en'] as const;
const CASES = RECORD_TYPES.flatMap((type) => LANGS.map((lang) => ({ type, lang })));
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
// An amount threshold as the permission engine reads it: a comparison before a number, or a range.
const AMOUNT_RULE = /(?:<=|>=|<|>|≤|≥|=)\s*[$¥￥]?\s*\d|\d\s*(?:-|~|到)\s*\d/;
const CJK = /[\u4e00-\u9fff]/;

type Product = Record<string, unknown> & {
  name: string;
  api_interfaces: Record<string, { endpoint: string; params: string[] }>;
  operator_permissions: Record<(typeof PERMISSION_CATEGORIES)[number], string[]>;
};

function products(count: number, seed: number, lang: 'zh' | 'en' = 'zh'): Product[] {
  return generateRecords({ type: 'product', count, seed, lang }) as Product[];
}

describe('generateRecords', () => {
  it.each(CASES)('gives the same $type records ($lang) for the same seed', ({ type, lang }) => {
    const first = generateRecords({ type, count: 12, seed: 2024, lang });
    generateRecords({ type, count: 5, seed: 99, lang });
    expect(generateRecords({ type, count: 12, seed: 2024, lang })).toEqual(first);
  });

  it.each(CASES)('gives different $type records ($lang) for a different seed', ({ type, lang }) => {
    const a = generateRecords({ type, count: 6, seed: 1, lang });
    const b = generateRecords({ type, count: 6, seed: 2, lang });
    expect(b).not.toEqual(a);
  });

  it.each(CASES)('produces $type records ($lang) that pass their field schema', ({ type, lang }) => {
    const records = generateRecords({ type, count: 40, seed: 7, lang });
    expect(records).toHaveLength(40);
    for (const record of records) {
      const result = FIELD_SCHEMAS[type].safeParse(record);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      expect(() => validateRecordFields(type, record)).not.toThrow();
    }
  });

  it.each(CASES)('fills every placeholder in $type texts ($lang)', ({ type, lang }) => {
    for (const record of generateRecords({ type, count: 30, seed: 3, lang })) {
      // Endpoints keep their {user_id} path parameters; everything else must read as prose.
      const { api_interfaces: _interfaces, ...rest } = record;
      expect(JSON.stringify(rest)).not.toMatch(/\{\$?[a-z_]+\}/);
    }
  });

  it('passes the schema for any seed and batch size (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<RecordType>(...RECORD_TYPES),
        fc.constantFrom(...LANGS),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 12 }),
        (type, lang, seed, count) => {
          const records = generateRecords({ type, count, seed, lang });
          expect(records).toHaveLength(count);
          for (const record of records) expect(FIELD_SCHEMAS[type].safeParse(record).success).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives 500 customers unique, valid mainland mobile numbers', () => {
    const customers = generateRecords({ type: 'customer', count: 500, seed: 11 });
    const phones = customers.map((c) => c.phone as string);
    for (const phone of phones) expect(phone).toMatch(MAINLAND_MOBILE);
    expect(new Set(phones).size).toBe(500);
  });

  it('never hands out a phone that already exists', () => {
    const existing = generateRecords({ type: 'customer', count: 200, seed: 5 }).map((c) => c.phone as string);
    const again = generateRecords({
      type: 'customer',
      count: 200,
      seed: 5,
      existingPhones: new Set(existing),
    });
    const overlap = again.filter((c) => existing.includes(c.phone as string));
    expect(overlap).toEqual([]);
    for (const c of again) expect(c.phone).toMatch(MAINLAND_MOBILE);
  });

  it('gives English customers the same phone rules', () => {
    const phones = generateRecords({ type: 'customer', count: 100, seed: 4, lang: 'en' }).map((c) => c.phone);
    for (const phone of phones) expect(phone).toMatch(MAINLAND_MOBILE);
    expect(new Set(phones).size).toBe(100);
  });

  it('mixes customer types, full names and 先生/女士 forms of address', () => {
    const customers = generateRecords({ type: 'customer', count: 200, seed: 8 });
    expect(new Set(customers.map((c) => c.type))).toEqual(new Set(['new', 'returning', 'vip']));
    const names = customers.map((c) => c.name as string);
    expect(names.some((n) => /(先生|女士)$/.test(n))).toBe(true);
    expect(names.some((n) => /^[\u4e00-\u9fff]{2,4}$/.test(n) && !/(先生|女士|阿姨|大爷)$/.test(n))).toBe(
      true,
    );
    // Hard callers are there, not only easy ones.
    const styles = customers.map((c) => c.communication_style as string).join('\n');
    expect(styles).toMatch(/情绪激动|语气很冲|火气大/);
    expect(styles).toMatch(/听力|智能手机|紧张/);
    expect(styles).toMatch(/错误码|专业|排查/);
  });

  it.each(RECORD_TYPES)('keeps %s names unique within a batch', (type) => {
    const count = type === 'customer' ? 500 : 40;
    const names = generateRecords({ type, count, seed: 21 }).map((r) => r.name);
    expect(new Set(names).size).toBe(count);
  });

  it('avoids names that already exist', () => {
    const [product] = generateRecords({
      type: 'product',
      count: 1,
      seed: 1,
      existingNames: new Set(['会员订阅服务']),
    });
    expect(product?.name).toBe('会员订阅服务（家庭版）');
    const [operator] = generateRecords({
      type: 'operator',
      count: 1,
      seed: 1,
      existingNames: new Set(['HEAR策略']),
    });
    expect(operator?.name).toBe('HEAR策略-2');
  });

  it('covers the eight product categories in a batch of eight', () => {
    const names = products(8, 123).map((p) => p.name);
    expect(names).toEqual(PRODUCT_TEMPLATES_ZH.map((t) => t.name));
    expect(names).toEqual(
      expect.arrayContaining([
        '会员订阅服务',
        '云存储空间',
        '家庭宽带',
        '信用卡服务',
        '外卖配送服务',
        '智能家居设备',
      ]),
    );
    expect(PRODUCT_TEMPLATES_ZH.map((t) => t.category)).toEqual([
      'subscription',
      'cloud_storage',
      'broadband',
      'ecommerce',
      'bank_card',
      'food_delivery',
      'travel',
      'smart_device',
    ]);
  });

  it('adds an edition suffix once a batch outgrows the templates', () => {
    const names = products(17, 9).map((p) => p.name);
    expect(names[8]).toBe('会员订阅服务（家庭版）');
    expect(names[16]).toBe('会员订阅服务（尊享版）');
  });

  it.each(LANGS)('gives every %s product >= 3 interfaces that take the caller', (lang) => {
    for (const product of products(16, 31, lang)) {
      const interfaces = Object.entries(product.api_interfaces);
      expect(interfaces.length).toBeGreaterThanOrEqual(3);
      for (const [name, api] of interfaces) {
        expect(name).toMatch(/^[a-z_]+$/);
        expect(api.endpoint).toMatch(/^\/api\/user\/\{user_id\}(\/|$)/);
        expect(api.params).toContain('user_id');
        // Every other path parameter is a declared param too, so binding can fill it.
        for (const [, param] of api.endpoint.matchAll(/\{(\w+)\}/g)) expect(api.params).toContain(param);
        expect(api).toMatchObject({ method: 'GET', mock_enabled: true });
      }
    }
  });

  it.each(LANGS)('gives every %s product all four permission lists and an amount threshold', (lang) => {
    for (const product of products(16, 32, lang)) {
      const permissions = product.operator_permissions;
      expect(Object.keys(permissions).sort()).toEqual([...PERMISSION_CATEGORIES].sort());
      for (const category of PERMISSION_CATEGORIES) expect(permissions[category].length).toBeGreaterThan(0);
      expect(permissions.can_approve_immediately.some((r) => AMOUNT_RULE.test(r))).toBe(true);
      expect(
        Object.values(permissions)
          .flat()
          .filter((r) => AMOUNT_RULE.test(r)).length,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it('backs every immediate amount limit with a rule for larger amounts of the same action', () => {
    for (const product of [...products(8, 40), ...products(3, 40, 'en')]) {
      const { can_approve_immediately: immediate, ...higher } = product.operator_permissions;
      const above = Object.values(higher).flat();
      for (const rule of immediate.filter((r) => AMOUNT_RULE.test(r))) {
        const action = rule.split(/\s*(?:<=|>=|<|>|≤|≥|=)/)[0]!;
        expect(
          above.some((r) => r.startsWith(action)),
          `${product.name}: ${rule}`,
        ).toBe(true);
      }
    }
  });

  it('writes the seed example rule style for the subscription product', () => {
    const [product] = products(1, 5);
    expect(product?.operator_permissions.can_approve_immediately).toEqual(
      expect.arrayContaining([expect.stringMatching(/^退款<\d+元$/), '重置密码']),
    );
    expect(product?.operator_permissions.requires_supervisor).toEqual(
      expect.arrayContaining([expect.stringMatching(/^退款>=\d+元$/), '账户注销']),
    );
    expect(product?.api_interfaces.user_subscription?.endpoint).toBe('/api/user/{user_id}/subscriptions');
  });

  it.each(LANGS)('cycles %s operators through HEAR, LAST and LEARN', (lang) => {
    const operators = generateRecords({ type: 'operator', count: 9, seed: 6, lang });
    expect(operators.map((o) => o.methodology)).toEqual([
      'HEAR',
      'LAST',
      'LEARN',
      'HEAR',
      'LAST',
      'LEARN',
      'HEAR',
      'LAST',
      'LEARN',
    ]);
    for (const operator of operators) {
      const steps = METHODOLOGY_STEPS[operator.methodology as 'HEAR'];
      const resolution = operator.resolution_steps as string[];
      expect(resolution).toHaveLength(steps.length);
      resolution.forEach((text, i) => {
        expect(text.startsWith(lang === 'en' ? steps[i]!.en : steps[i]!.zh)).toBe(true);
      });
      expect(Object.keys(operator.objection_handling as object).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('names the first three operators after the methodology and later ones as variants', () => {
    const names = generateRecords({ type: 'operator', count: 8, seed: 6 }).map((o) => o.name as string);
    expect(names.slice(0, 3)).toEqual(['HEAR策略', 'LAST策略', 'LEARN策略']);
    for (const name of names.slice(3)) expect(name).toMatch(/^(HEAR|LAST|LEARN)策略-.+型$/);
    const en = generateRecords({ type: 'operator', count: 4, seed: 6, lang: 'en' }).map((o) => o.name);
    expect(en.slice(0, 3)).toEqual(['HEAR Strategy', 'LAST Strategy', 'LEARN Strategy']);
    expect(en[3]).toMatch(/^HEAR Strategy - \w+$/);
  });

  it('writes English records without Chinese text and Chinese records with it', () => {
    for (const type of RECORD_TYPES) {
      for (const record of generateRecords({ type, count: 10, seed: 12, lang: 'en' })) {
        expect(JSON.stringify(record)).not.toMatch(CJK);
      }
      for (const record of generateRecords({ type, count: 3, seed: 12 })) {
        expect(
          String(record.name) + String(record.description ?? record.background ?? record.greeting),
        ).toMatch(CJK);
      }
    }
  });

  it('hands out independent copies of template data', () => {
    const [first] = products(1, 1);
    first!.api_interfaces.user_subscription!.params.push('tampered');
    first!.operator_permissions.forbidden.push('tampered');
    const [second] = products(1, 1);
    expect(second!.api_interfaces.user_subscription!.params).toEqual(['user_id']);
    expect(second!.operator_permissions.forbidden).not.toContain('tampered');
  });

  it('leaves the global faker instance alone', () => {
    globalFaker.seed(77);
    const expected = [globalFaker.number.int(), globalFaker.number.int()];
    globalFaker.seed(77);
    globalFaker.number.int();
    generateRecords({ type: 'customer', count: 20, seed: 1 });
    expect(globalFaker.number.int()).toBe(expected[1]);
  });

  it('returns nothing for a count of zero', () => {
    expect(generateRecords({ type: 'product', count: 0, seed: 1 })).toEqual([]);
  });

  it.each([
    { count: -1, seed: 1 },
    { count: 1.5, seed: 1 },
    { count: 10_001, seed: 1 },
    { count: Number.NaN, seed: 1 },
    { count: 1, seed: 0.5 },
    { count: 1, seed: Number.POSITIVE_INFINITY },
  ])('refuses count $count with seed $seed', ({ count, seed }) => {
    let error: unknown;
    try {
      generateRecords({ type: 'customer', count, seed });
    } catch (e) {
      error = e;
    }
    expect(CsError.isInstance(error) && error.code).toBe('E_INVALID');
  });
});

describe('mockRecordSource', () => {
  it('gives the same records for the same seed and batch sizes', () => {
    const take = () => {
      const source = mockRecordSource({ type: 'customer', seed: 11 });
      return [...source.take(30), ...source.take(20)];
    };
    expect(take()).toEqual(take());
  });

  it.each(RECORD_TYPES)('keeps handing out valid %s records batch after batch', (type) => {
    const source = mockRecordSource({ type, seed: 5, window: 50 });
    for (let batch = 0; batch < 4; batch++) {
      for (const record of source.take(40)) expect(FIELD_SCHEMAS[type].safeParse(record).success).toBe(true);
    }
  });

  it('repeats no phone or name within its window, whatever the batches', () => {
    const source = mockRecordSource({ type: 'customer', seed: 9, window: 500 });
    const records = [...source.take(200), ...source.take(150), ...source.take(100)];
    expect(new Set(records.map((r) => r.phone)).size).toBe(450);
    expect(new Set(records.map((r) => r.name)).size).toBe(450);
  });
});
