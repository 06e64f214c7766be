/**
 * Money held rather than paid for something: a deposit, a guarantee or security deposit. Asked
 * back, it is the deposit returned, which no charge bounds. `HELD_MONEY_ZH` is the Chinese words
 * as an expression source, for patterns that put them in context.
 */
export const HELD_MONEY_ZH = '押金|保证金|定金|订金';
export const HELD_MONEY = new RegExp(`${HELD_MONEY_ZH}|\\b(?:security )?deposit\\b`, 'i');
