// Entries of a charge list (transactions, payments, orders …) as any system returns them: which
// are refunds, which charge a refund gave back, and what is left to give back. Both the call's
// facts-before-actions check and the mock backend's refund read lists this one way.

/** Keys of an entry's paid amount. */
export const PAID_KEY =
  /^(?:amount|fee|fare|price|total|paid|charge|cost|amount_paid|paid_amount|total_amount)$/i;

/**
 * Keys of an entry's paid amount named for what it is (ride_fee, rental_price), for when it was
 * raised (fee_raised, amount_due) or in its currency (total_gbp, amount_yuan, amount_cad): read when the entry
 * has no key of `PAID_KEY`. Not what was given back (refunded_yuan).
 */
export const NAMED_PAID_KEY =
  /^(?:[a-z]+_(?:fee|fare|price|amount|cost|charge)|(?:fee|charge|amount|price|cost|total|paid)_(?:raised|charged|due|owed|paid|yuan|rmb|cny|usd|gbp|eur|cad|aud|nzd|sgd|rand|zar)|(?:yuan|gbp|usd|eur|cad|aud|nzd|sgd|rand|zar))$/i;

/** Keys that name the charge a refund gives back (a real system's or our mock's). */
const REFUND_OF_KEY =
  /^(?:refund_of|refunded_transaction(?:_id)?|original_(?:transaction|payment|order)(?:_id)?)$/i;
/** Words of a refund entry's type or status, and of a charge already given back. */
const REFUND_WORDS = /refund|退款|退费|冲正|reversal|reversed|chargeback/i;
/** A status that says the refund is still to come (not yet refunded, 待退款, 未退款): still charged. */
const NOT_YET =
  /\bnot\s+(?:yet\s+)?(?:been\s+)?refunded|\bpending\s+refund|\bawaiting\s+refund|\bto be refunded|待退|未退|尚未退|还没退/i;

/** A key that identifies an entry of a charge list. */
const ENTRY_ID_KEY = /^(?:id|\w+_id|\w+_no|编号|单号|流水号)$/i;

export function entryId(entry: Record<string, unknown>): string | undefined {
  const key = Object.keys(entry).find(
    (k) => ENTRY_ID_KEY.test(k) && !REFUND_OF_KEY.test(k) && typeof entry[k] === 'string',
  );
  return key === undefined ? undefined : (entry[key] as string);
}

export function amountOf(entry: Record<string, unknown>): number | undefined {
  const key = Object.keys(entry).find((k) => PAID_KEY.test(k) && typeof entry[k] === 'number');
  return key === undefined ? undefined : (entry[key] as number);
}

/** When an entry happened, as its first date or time field holds it (ISO strings sort). */
function dateOf(entry: Record<string, unknown>): string | undefined {
  const key = Object.keys(entry).find((k) => /date|time|_at$/i.test(k) && typeof entry[k] === 'string');
  return key === undefined ? undefined : (entry[key] as string);
}

/** A refund entry of a charge list: a negative amount, or a type or status that says refund. */
export function isRefundEntry(entry: Record<string, unknown>): boolean {
  const amount = amountOf(entry);
  if (amount !== undefined && amount < 0) return true;
  return saysRefund(entry, TYPE_KEYS);
}

/** Keys that say what kind of entry it is. */
const TYPE_KEYS = ['type', 'kind', 'category'];

/** Whether an entry's type (or its description, where given) says it is a refund. */
function saysRefund(
  entry: Record<string, unknown>,
  keys: readonly string[] = [...TYPE_KEYS, 'description'],
): boolean {
  return keys.some((k) => typeof entry[k] === 'string' && REFUND_WORDS.test(entry[k]));
}

/** The key of an entry's amount, of either sign (amount, amount_yuan …). */
export function signedAmountKey(entry: Record<string, unknown>): string | undefined {
  return Object.keys(entry).find(
    (k) => (PAID_KEY.test(k) || NAMED_PAID_KEY.test(k)) && typeof entry[k] === 'number',
  );
}

/**
 * A statement written from the customer's side (订场 -180, 充值 +1000): money out is negative. Where
 * a list has negative entries that are no refunds, those are its charges (read as positive), and
 * the money paid in (a top-up) is no charge; a refund stays a refund. Any other list is as given.
 */
export function chargesOf(list: readonly unknown[]): unknown[] {
  const isEntry = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const debit = (e: Record<string, unknown>): string | undefined => {
    const key = signedAmountKey(e);
    return key !== undefined && (e[key] as number) < 0 && !saysRefund(e) ? key : undefined;
  };
  if (!list.some((v) => isEntry(v) && debit(v) !== undefined)) return [...list];
  return list.flatMap((v) => {
    if (!isEntry(v)) return [v];
    const key = debit(v);
    if (key !== undefined) return [{ ...v, [key]: -(v[key] as number) }];
    return saysRefund(v) ? [v] : [];
  });
}

/**
 * The charges of a list that were not given back: a refund entry cancels the charge it names
 * (`refund_of`, `original_transaction_id` …), or else one charge of its amount; a charge whose
 * own status says refunded is gone too. The charges given back are returned too, so a caller asking
 * for a refund twice hears that it was done, not that nothing was paid.
 */
export function unrefunded(list: readonly unknown[]): { entries: unknown[]; refunded: unknown[] } {
  const isEntry = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const refunds = list.filter(isEntry).filter(isRefundEntry);
  if (refunds.length === 0) {
    const entries = list.filter(
      (v) =>
        !(
          isEntry(v) &&
          typeof v.status === 'string' &&
          REFUND_WORDS.test(v.status) &&
          !NOT_YET.test(v.status)
        ),
    );
    return { entries, refunded: list.filter((v) => !entries.includes(v)) };
  }
  const charges = list.filter((v) => !(isEntry(v) && isRefundEntry(v)));
  const gone = new Set<unknown>();
  for (const refund of refunds) {
    const named = Object.keys(refund).find((k) => REFUND_OF_KEY.test(k) && typeof refund[k] === 'string');
    const amount = Math.abs(amountOf(refund) ?? Number.NaN);
    // Without a reference, the latest charge of that amount from before the refund.
    const when = dateOf(refund);
    const target = charges
      .filter(
        (c): c is Record<string, unknown> =>
          isEntry(c) &&
          !gone.has(c) &&
          (named !== undefined ? entryId(c) === refund[named] : amountOf(c) === amount) &&
          (when === undefined || (dateOf(c) ?? '') <= when),
      )
      .sort((a, b) => ((dateOf(b) ?? '') < (dateOf(a) ?? '') ? -1 : 1))[0];
    if (target !== undefined) gone.add(target);
  }
  const entries = charges.filter(
    (c) => !gone.has(c) && !(isEntry(c) && typeof c.status === 'string' && REFUND_WORDS.test(c.status)),
  );
  return { entries, refunded: charges.filter((c) => !entries.includes(c)) };
}
