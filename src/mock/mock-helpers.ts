import type { Faker } from '@faker-js/faker';
import { CsError } from '../domain/cs-error.js';

/**
 * Fills `{key}` placeholders from `values`; `{$key}` writes the value in dollars (`$20`).
 * An unknown key is a bug in a template, so it throws rather than leaving braces in a record.
 *
 * @example fillPlaceholders('退款<{refund}元', { refund: 100 }) // '退款<100元'
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\$?)([a-z_]+)\}/g, (_whole, dollar: string, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new CsError('E_INTERNAL', `Mock template placeholder {${key}} has no value in "${text}".`);
    }
    return `${dollar}${value}`;
  });
}

/**
 * Draws between `min` and `max` items of a pool and keeps them in pool order, so lists read the
 * way the template author arranged them (issues next to their solutions, common before rare).
 */
export function sampleInOrder<T>(faker: Faker, pool: readonly T[], min: number, max: number): T[] {
  const count = faker.number.int({ min: Math.min(min, pool.length), max: Math.min(max, pool.length) });
  const chosen = faker.helpers.shuffle(pool.map((_, i) => i)).slice(0, count);
  return chosen.sort((a, b) => a - b).map((i) => pool[i]!);
}

/**
 * The first candidate not yet taken, then `<last candidate>-2`, `-3` ...; records it as taken.
 * Candidates come lazily so long edition lists cost nothing when the first name is free.
 */
export function claimUniqueName(candidates: Iterable<string>, taken: Set<string>): string {
  let last: string | undefined;
  for (const name of candidates) {
    last = name;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  if (last === undefined) throw new CsError('E_INTERNAL', 'No candidate name for a mock record.');
  for (let n = 2; ; n++) {
    const name = `${last}-${n}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
