/**
 * The units an amount is measured in, as the permission engine reads them and an approval keeps
 * them: currencies (ISO codes), then durations, counts, data, points and clock times. One list, so
 * a unit added to the engine is one an approval can hold.
 */
/** The currencies the engine reads, by their ISO codes: each is money. */
export const CURRENCIES = [
  'CNY',
  'USD',
  'GBP',
  'EUR',
  'ZAR',
  'GHS',
  'NGN',
  'INR',
  'KES',
  'GMD',
  'SLE',
  'XOF',
  'GNF',
  'MRU',
  'STN',
] as const;

export const QUANTITY_UNITS = [
  ...CURRENCIES,
  'day',
  'time',
  'GB',
  'MB',
  'month',
  'hour',
  'point',
  'clock',
] as const;

export type QuantityUnit = (typeof QUANTITY_UNITS)[number];
export type CurrencyCode = (typeof CURRENCIES)[number];
