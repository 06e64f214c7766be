// Days and months as callers say them (11月20号, 20日, the 14th, Nov 14, the November fee).

import { monthOfName } from '../../domain/day-moved-to.js';
import { parseNumber } from '../../permissions/index.js';

/** A day of the month (and its month) a caller names: 11月20号, 20日, the 14th, Nov 14. */
export function dayNamed(text: string): { day: number; month?: number } | undefined {
  const zh = /(?:(\d{1,2})月)?(\d{1,2})[号日]/.exec(text);
  if (zh) return { day: Number(zh[2]), ...(zh[1] ? { month: Number(zh[1]) } : {}) };
  // 这个月五号, 四月十五号: the day in words (号 only: 三日内 is a span, not the 3rd).
  const words = /(?:([一二三四五六七八九十]{1,3})月)?([一二三四五六七八九十]{1,3})号/.exec(text);
  const day = words ? parseNumber(words[2]!) : undefined;
  if (words && day !== undefined && day >= 1 && day <= 31) {
    const month = words[1] ? parseNumber(words[1]) : undefined;
    return { day, ...(month !== undefined && month >= 1 && month <= 12 ? { month } : {}) };
  }
  const en =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\b/i.exec(
      text,
    );
  if (!en) return undefined;
  if (en[3]) return { day: Number(en[3]) };
  return { day: Number(en[2]), month: monthOfName(en[1] as string) };
}

/** Every day a text names with its month (11月20日, Nov 16), as MM-DD. */
export function monthDaysNamed(text: string): string[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const days: string[] = [];
  for (const m of text.matchAll(/(\d{1,2})月(\d{1,2})[日号]/g))
    days.push(`${pad(Number(m[1]))}-${pad(Number(m[2]))}`);
  for (const m of text.matchAll(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\b/gi))
    days.push(`${pad(monthOfName(m[1] as string))}-${pad(Number(m[2]))}`);
  return days;
}
