import type { Faker } from '@faker-js/faker';
import type { CUSTOMER_TYPES, CustomerFields } from '../domain/record-schemas.js';
import {
  CUSTOMER_PERSONAS_EN,
  CUSTOMER_PERSONAS_ZH,
  CUSTOMER_WORDING_EN,
  CUSTOMER_WORDING_ZH,
  type CustomerPersona,
} from './customer-personas.js';
import { fillPlaceholders } from './mock-helpers.js';

// Real mainland mobile prefixes (China Mobile, Unicom, Telecom, virtual operators): every one
// matches 1[3-9], and a person reading the number recognises it as a mobile.
// biome-ignore format: a table reads better in rows
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '147', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '172', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '193', '195', '196', '197', '198', '199',
] as const;

const TYPE_WEIGHTS: ReadonlyArray<{ weight: number; value: (typeof CUSTOMER_TYPES)[number] }> = [
  { weight: 3, value: 'new' },
  { weight: 5, value: 'returning' },
  { weight: 2, value: 'vip' },
];

// After this many draws of an already-taken name, accept a rarer made-up given name instead.
const NAME_ATTEMPTS = 20;

/**
 * A mainland mobile number (1[3-9] + 9 digits) that is in neither set; it is added to `taken`.
 *
 * @example mockMobilePhone(faker, new Set()) // '15823401176'
 */
export function mockMobilePhone(faker: Faker, taken: Set<string>): string {
  for (;;) {
    const phone = `${faker.helpers.arrayElement(MOBILE_PREFIXES)}${faker.string.numeric(8)}`;
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

/**
 * Mock customers: each drawn from a persona (polite, impatient, angry, elderly, technical ...)
 * so name, style, needs and background tell one story. Phones are unique and avoid `takenPhones`;
 * names avoid `takenNames` where the name pool allows. Both sets are updated.
 */
export function mockCustomers(
  faker: Faker,
  count: number,
  lang: 'zh' | 'en',
  takenNames: Set<string>,
  takenPhones: Set<string>,
): CustomerFields[] {
  const personas = lang === 'en' ? CUSTOMER_PERSONAS_EN : CUSTOMER_PERSONAS_ZH;
  const weighted = personas.map((p) => ({ weight: p.weight, value: p }));
  const customers: CustomerFields[] = [];
  for (let i = 0; i < count; i++) {
    const persona = faker.helpers.weightedArrayElement(weighted);
    const sex = faker.helpers.arrayElement(['male', 'female'] as const);
    const type = faker.helpers.weightedArrayElement(TYPE_WEIGHTS);
    customers.push({
      name: uniqueCustomerName(faker, lang, persona, sex, takenNames),
      phone: mockMobilePhone(faker, takenPhones),
      type,
      background: background(faker, lang, persona, type),
      communication_style: faker.helpers.arrayElement(persona.styles),
      special_needs: faker.helpers.arrayElement(persona.needs),
    });
  }
  return customers;
}

function uniqueCustomerName(
  faker: Faker,
  lang: 'zh' | 'en',
  persona: CustomerPersona,
  sex: 'male' | 'female',
  taken: Set<string>,
): string {
  let name = '';
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    name = lang === 'en' ? englishName(faker, sex) : chineseName(faker, persona, sex);
    if (!taken.has(name)) break;
  }
  // Faker's pools hold some thousands of full names; large batches need rarer forms.
  for (let attempt = 0; taken.has(name) && attempt < NAME_ATTEMPTS * 5; attempt++) {
    name =
      lang === 'en'
        ? `${faker.person.firstName(sex)} ${faker.person.firstName().slice(0, 1)}. ${faker.person.lastName()}`
        : mixedChineseName(faker, sex);
  }
  taken.add(name);
  return name;
}

/** 张伟 / 张先生 / 张阿姨: full names mostly, polite forms of address for some callers. */
function chineseName(faker: Faker, persona: CustomerPersona, sex: 'male' | 'female'): string {
  const surname = faker.person.lastName();
  const forms = persona.elderly
    ? ([
        { weight: 4, value: 'full' },
        { weight: 3, value: 'title' },
        { weight: 3, value: 'elder' },
      ] as const)
    : ([
        { weight: 13, value: 'full' },
        { weight: 7, value: 'title' },
      ] as const);
  switch (faker.helpers.weightedArrayElement(forms)) {
    case 'full':
      return `${surname}${faker.person.firstName(sex)}`;
    case 'title':
      return `${surname}${sex === 'male' ? '先生' : '女士'}`;
    case 'elder':
      return `${surname}${sex === 'male' ? '大爷' : '阿姨'}`;
  }
}

function mixedChineseName(faker: Faker, sex: 'male' | 'female'): string {
  const first = faker.person.firstName(sex);
  const second = faker.person.firstName(sex);
  return `${faker.person.lastName()}${first.slice(0, 1)}${second.slice(-1)}`;
}

/** Emily Carter / Mr. Smith. */
function englishName(faker: Faker, sex: 'male' | 'female'): string {
  const surname = faker.person.lastName();
  if (faker.number.int({ min: 1, max: 10 }) <= 7) return `${faker.person.firstName(sex)} ${surname}`;
  return `${sex === 'male' ? 'Mr.' : 'Ms.'} ${surname}`;
}

function background(
  faker: Faker,
  lang: 'zh' | 'en',
  persona: CustomerPersona,
  type: (typeof CUSTOMER_TYPES)[number],
): string {
  const wording = lang === 'en' ? CUSTOMER_WORDING_EN : CUSTOMER_WORDING_ZH;
  const city = faker.helpers.arrayElement(wording.cities);
  const occupation = faker.helpers.arrayElement(persona.occupations ?? wording.occupations);
  const age = persona.ages ? faker.number.int({ min: persona.ages[0], max: persona.ages[1] }) : undefined;
  const tail = fillPlaceholders(faker.helpers.arrayElement(wording.typeTails[type]), {
    years: faker.number.int({ min: 2, max: 8 }),
  });
  const detail = faker.helpers.arrayElement(persona.details);
  if (lang === 'en') {
    const who = `${capitalise(occupation)} in ${city}${age === undefined ? '' : `, aged ${age}`}`;
    return `${who}; ${tail}. ${detail}.`;
  }
  const who = `${city}的${occupation}${age === undefined ? '' : `，${age}岁`}`;
  return `${who}，${tail}。${detail}。`;
}

function capitalise(text: string): string {
  return text.slice(0, 1).toUpperCase() + text.slice(1);
}
