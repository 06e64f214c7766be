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

/** The summaries of the customer's last three calls, oldest first (for a prompt's caller block). */
export function recentCallSummaries(customer: Record<string, unknown>): string[] {
  const history = Array.isArray(customer.interaction_history) ? customer.interaction_history.slice(-3) : [];
  return history.flatMap((h) => {
    const summary = text((h as Record<string, unknown>)?.summary);
    return summary ? [summary] : [];
  });
}
