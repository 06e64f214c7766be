// Reading record fields as prompt text: records are user data, so every field may be missing or
// of another shape; these never throw.

/** A non-empty trimmed string, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A list field as lines: strings as they are, `{q, a}` FAQ entries as "q — a", others dropped. */
export function list(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === 'string') return item.trim() === '' ? [] : [item.trim()];
    if (item && typeof item === 'object') {
      const { q, a } = item as { q?: unknown; a?: unknown };
      if (typeof q === 'string' && typeof a === 'string') return [`${q} — ${a}`];
    }
    return [];
  });
}
