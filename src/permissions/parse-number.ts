import { normalizeText } from './_normalize.js';
import { scanNumber } from './_numerals.js';

/**
 * Reads a whole string as one number, the way a person would: Arabic digits with thousands
 * commas and decimals, full-width digits, Chinese numerals (including 两百, 三千二, 一万五), a
 * 万/千 multiplier after digits, and English number words. Returns undefined for anything else,
 * including text around the number (use `parseQuantities` to find numbers inside text).
 *
 * @example parseNumber('1,000') // 1000
 * @example parseNumber('三千二') // 3200
 * @example parseNumber('1.5万') // 15000
 * @example parseNumber('twenty-five') // 25
 */
export function parseNumber(text: string): number | undefined {
  const s = normalizeText(text).trim();
  if (s === '') return undefined;
  const found = scanNumber(s, 0);
  if (!found || found.end !== s.length || !Number.isFinite(found.value)) return undefined;
  return found.value;
}
