import { describe, expect, it } from 'vitest';
import {
  CUSTOM_METHODOLOGY_STEPS,
  METHODOLOGY_STEPS,
  methodologySteps,
  standardMethodology,
} from './methodology.js';

describe('METHODOLOGY_STEPS', () => {
  it.each([
    ['HEAR', ['Hear', 'Empathize', 'Apologize', 'Resolve']],
    ['LAST', ['Listen', 'Apologize', 'Solve', 'Thank']],
    ['LEARN', ['Listen', 'Empathize', 'Ask', 'Resolve', 'Notify']],
  ] as const)('walks %s in the seed order', (name, labels) => {
    expect(METHODOLOGY_STEPS[name].map((s) => s.en)).toEqual(labels);
  });

  it('labels every step in Chinese and with a lowercase key', () => {
    for (const step of Object.values(METHODOLOGY_STEPS).flat()) {
      expect(step.zh).toMatch(/^[\u4e00-\u9fff]{2}$/);
      expect(step.step).toBe(step.en.toLowerCase());
    }
  });
});

describe('methodologySteps', () => {
  it.each([
    ['HEAR', 'HEAR'],
    ['hear', 'HEAR'],
    ['  Last ', 'LAST'],
    ['LEARN策略', 'LEARN'],
    ['ＬＥＡＲＮ', 'LEARN'],
    ['LAST v2', 'LAST'],
  ] as const)('reads %j as %s', (input, name) => {
    expect(standardMethodology(input)).toBe(name);
    expect(methodologySteps(input)).toEqual(METHODOLOGY_STEPS[name]);
  });

  it.each(['先安抚后解决', 'HEART', 'LEARNING', 'custom', ''])(
    'falls back to acknowledge → verify → resolve → close for %j',
    (input) => {
      expect(standardMethodology(input)).toBeUndefined();
      expect(methodologySteps(input).map((s) => s.step)).toEqual([
        'acknowledge',
        'verify',
        'resolve',
        'close',
      ]);
    },
  );

  it('hands out copies the caller may change', () => {
    const steps = methodologySteps('HEAR');
    steps[0]!.zh = 'changed';
    steps.pop();
    expect(METHODOLOGY_STEPS.HEAR[0]!.zh).toBe('倾听');
    expect(METHODOLOGY_STEPS.HEAR).toHaveLength(4);
    methodologySteps('x')[0]!.en = 'changed';
    expect(CUSTOM_METHODOLOGY_STEPS[0]!.en).toBe('Acknowledge');
  });
});
