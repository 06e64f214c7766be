/**
 * What a customer's record says of them besides their name and phone (background, notes, any
 * field a team adds), as one text: the data-scope check reads the people it names (their pet,
 * the caregiver they employ) as the caller's own. Read once per record object: a record is not
 * changed during a call (updates are saved after it).
 */
export function recordText(customer: Readonly<Record<string, unknown>>): string {
  const known = texts.get(customer);
  if (known !== undefined) return known;
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 3) return;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v, depth + 1);
    else if (value !== null && typeof value === 'object')
      for (const v of Object.values(value)) walk(v, depth + 1);
  };
  for (const [key, value] of Object.entries(customer)) if (key !== 'name' && key !== 'phone') walk(value, 0);
  const text = out.join('\n');
  texts.set(customer, text);
  return text;
}

const texts = new WeakMap<object, string>();
