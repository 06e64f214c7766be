import type { Faker } from '@faker-js/faker';
import { CsError } from '../domain/cs-error.js';
import { METHODOLOGY_NAMES, METHODOLOGY_STEPS, type MethodologyName } from '../domain/methodology.js';
import type { OperatorFields } from '../domain/record-schemas.js';
import { claimUniqueName, fillPlaceholders, sampleInOrder } from './mock-helpers.js';
import {
  OPERATOR_WORDING_EN,
  OPERATOR_WORDING_ZH,
  type OperatorFlavour,
  type OperatorWording,
} from './operator-templates.js';

/**
 * Mock operators cycling HEAR, LAST, LEARN. The first three are the plain strategies
 * (`HEAR策略`); later rounds are variants with a character (`LAST策略-耐心型`), the order of
 * characters drawn from the seed. Names are added to `taken`.
 */
export function mockOperators(
  faker: Faker,
  count: number,
  lang: 'zh' | 'en',
  taken: Set<string>,
): OperatorFields[] {
  const wording = lang === 'en' ? OPERATOR_WORDING_EN : OPERATOR_WORDING_ZH;
  const flavours = faker.helpers.shuffle([...wording.flavours]);
  const operators: OperatorFields[] = [];
  for (let i = 0; i < count; i++) {
    const methodology = METHODOLOGY_NAMES[i % METHODOLOGY_NAMES.length]!;
    const round = Math.floor(i / METHODOLOGY_NAMES.length);
    const flavour = round === 0 ? undefined : flavours[(round - 1) % flavours.length];
    operators.push(mockOperator(faker, wording, lang, methodology, flavour, taken));
  }
  return operators;
}

function mockOperator(
  faker: Faker,
  wording: OperatorWording,
  lang: 'zh' | 'en',
  methodology: MethodologyName,
  flavour: OperatorFlavour | undefined,
  taken: Set<string>,
): OperatorFields {
  const own = wording.methodologies[methodology];
  const name = fillPlaceholders(flavour ? wording.variantName : wording.baseName, {
    m: methodology,
    flavour: flavour?.label ?? '',
  });
  const greeting = fillPlaceholders(faker.helpers.arrayElement(wording.greetings), {
    agent: faker.helpers.arrayElement(wording.agents),
    no: faker.string.numeric({ length: 4, allowLeadingZeros: false }),
  });
  const [minQuestions, maxQuestions] = own.discoveryCount;
  const objections = sampleInOrder(faker, wording.objections, 3, 4);
  if (flavour) objections.push(flavour.objection);
  return {
    name: claimUniqueName([name], taken),
    methodology,
    greeting: flavour?.greetingAddon
      ? `${greeting}${lang === 'en' ? ' ' : ''}${flavour.greetingAddon}`
      : greeting,
    discovery_questions: sampleInOrder(
      faker,
      [...wording.discovery, ...own.discovery],
      minQuestions,
      maxQuestions,
    ),
    empathy_phrases: [
      ...sampleInOrder(faker, own.empathy, 3, 4),
      ...(flavour ? [faker.helpers.arrayElement(flavour.empathy)] : []),
    ],
    resolution_steps: METHODOLOGY_STEPS[methodology].map((step) => {
      const phrasings = own.steps[step.step];
      if (!phrasings)
        throw new CsError('E_INTERNAL', `Operator wording lacks step "${step.step}" of ${methodology}.`);
      const text = faker.helpers.arrayElement(phrasings);
      return lang === 'en' ? `${step.en}: ${text}` : `${step.zh}：${text}`;
    }),
    objection_handling: Object.fromEntries(objections),
    closing_technique: fillPlaceholders(faker.helpers.arrayElement(own.closings), {
      hours: faker.helpers.arrayElement([2, 24, 48]),
    }),
  };
}
