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
