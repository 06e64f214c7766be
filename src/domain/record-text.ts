/**
 * What a record says besides its name and phone, as one text. Of a customer (background, notes,
 * any field a team adds): the data-scope check reads the people it names (their pet, the
 * caregiver they employ) as the caller's own. Of a product: what its words say of a caller's role
 * (a site contact may only be told …). Read once per record object: a record is not changed
 * during a call (updates are saved after it).
 */
export function recordText(record: Readonly<Record<string, unknown>>): string {
  const known = texts.get(record);
  if (known !== undefined) return known;
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 3) return;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v, depth + 1);
    else if (value !== null && typeof value === 'object')
      for (const v of Object.values(value)) walk(v, depth + 1);
  };
  for (const [key, value] of Object.entries(record)) if (key !== 'name' && key !== 'phone') walk(value, 0);
  const text = out.join('\n');
  texts.set(record, text);
  return text;
}

const texts = new WeakMap<object, string>();
