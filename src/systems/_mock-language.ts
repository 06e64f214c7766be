import type { Product } from '../domain/record-schemas.js';

/** Mock data and change descriptions follow the product's language: Chinese name -> zh. */
export function productLanguage(product: Product): 'zh' | 'en' {
  return /\p{Script=Han}/u.test(String(product.name ?? '')) ? 'zh' : 'en';
}

/** YYYY-MM-DD in local time (the store's timestamps are local too). */
export function localDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** Rounds money to cents without binary noise (0.1 + 0.2 -> 0.3). */
export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The local day `days` after (or before) a date, at midnight. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Day of month is at most 28 in the mock callers, so adding months never overflows a month. */
export function addMonths(date: Date, months: number): Date {
  return new Date(date.getFullYear(), date.getMonth() + months, date.getDate());
}

/** `2026-11-20` as a local date (new Date('2026-11-20') would be UTC midnight). */
export function parseLocalDate(text: string): Date {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
