import type { Faker } from '@faker-js/faker';
import type { ProductFields } from '../domain/record-schemas.js';
import { claimUniqueName, fillPlaceholders, sampleInOrder } from './mock-helpers.js';
import type { ProductTemplate } from './product-template.js';
import { PRODUCT_TEMPLATES_EN } from './product-templates-en.js';
import { PRODUCT_TEMPLATES_ZH } from './product-templates-zh.js';

const EDITIONS = {
  zh: ['家庭版', '尊享版', '企业版', '青春版', '国际版', '专业版', '畅享版', '基础版'],
  en: ['Family', 'Plus', 'Business', 'Student', 'Lite', 'Pro'],
} as const;

/** The category name, then its editions, then the editions numbered: never runs out. */
function* productNames(base: string, lang: 'zh' | 'en'): Generator<string> {
  yield base;
  for (let round = 1; ; round++) {
    const n = round === 1 ? '' : String(round);
    for (const edition of EDITIONS[lang])
      yield lang === 'zh' ? `${base}（${edition}${n}）` : `${base} (${edition}${n})`;
  }
}

/**
 * Mock products, cycling through the categories in a fixed order (the first is always the
 * subscription service, the seed's example), so `count` >= the number of templates covers them all.
 * Names are added to `taken`.
 */
export function mockProducts(
  faker: Faker,
  count: number,
  lang: 'zh' | 'en',
  taken: Set<string>,
): ProductFields[] {
  const templates = lang === 'en' ? PRODUCT_TEMPLATES_EN : PRODUCT_TEMPLATES_ZH;
  const products: ProductFields[] = [];
  for (let i = 0; i < count; i++) {
    products.push(mockProduct(faker, templates[i % templates.length]!, lang, taken));
  }
  return products;
}

function mockProduct(
  faker: Faker,
  template: ProductTemplate,
  lang: 'zh' | 'en',
  taken: Set<string>,
): ProductFields {
  const values = {
    brand: faker.helpers.arrayElement(template.brands),
    ...faker.helpers.arrayElement(template.limits),
  };
  const fill = (text: string) => fillPlaceholders(text, values);
  const issues = sampleInOrder(faker, template.issues, 3, 5);
  const permissions = template.permissions;
  return {
    name: claimUniqueName(productNames(template.name, lang), taken),
    description: fill(template.description),
    features: sampleInOrder(faker, template.features, 4, 6).map(fill),
    common_issues: issues.map(([issue]) => fill(issue)),
    solutions: issues.map(([, solution]) => fill(solution)),
    faq: sampleInOrder(faker, template.faq, 3, 4).map(({ q, a }) => ({ q: fill(q), a: fill(a) })),
    escalation_criteria: sampleInOrder(faker, template.escalation, 3, template.escalation.length).map(fill),
    sla: fill(faker.helpers.arrayElement(template.sla)),
    // Templates share interface objects between categories: hand out copies.
    api_interfaces: structuredClone(template.api_interfaces),
    operator_permissions: {
      can_approve_immediately: permissions.can_approve_immediately.map(fill),
      requires_supervisor: permissions.requires_supervisor.map(fill),
      requires_process: permissions.requires_process.map(fill),
      forbidden: permissions.forbidden.map(fill),
    },
  };
}
