const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/**
 * A field name as a label, the way the earlier implementation made it (Python's
 * `key.replace('_', ' ').title()`): underscores become spaces, each run of letters starts upper
 * case and continues lower case; CJK keys stay as they are.
 *
 * @example fieldLabel('communication_style') // 'Communication Style'
 */
export function fieldLabel(key: string): string {
  let out = '';
  let previousCased = false;
  for (const ch of key.replaceAll('_', ' ')) {
    const cased = CASED.test(ch);
    out += cased ? (previousCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    previousCased = cased;
  }
  return out;
}

/**
 * A value on one line as readable JSON (`["a", "b"]`, `{"k": "v"}`, `true`). The earlier
 * implementation printed Python reprs here (`{'q': ...}`, `True`); JSON is what people and
 * tools can read back, so we render that instead.
 */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A scalar or list item as text: strings as they are, anything else as inline JSON. */
export function inlineText(value: unknown): string {
  return typeof value === 'string' ? value : inlineJson(value);
}

/**
 * Renders a stored record as the README.md beside its info.json, in the earlier
 * implementation's style: a `# name` title, `**Label**: value` for scalars, `## Label` with
 * `- item` lines for lists and `- **key**: value` lines for objects, metadata (`_` fields)
 * left out, and a customer's `interaction_history` last as `## 交互历史` with
 * `- <timestamp>: <summary>` lines. info.json stays the truth; this is for people.
 *
 * @example renderRecordReadme({ name: '张先生', phone: '13800138000', _id: '4f064bfb' })
 */
export function renderRecordReadme(record: Record<string, unknown>): string {
  const title = typeof record.name === 'string' ? record.name : String(record._id ?? '');
  let out = `# ${title}\n\n`;
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('_') || (key === 'interaction_history' && Array.isArray(value))) continue;
    const label = fieldLabel(key);
    if (Array.isArray(value)) {
      out += `## ${label}\n`;
      for (const item of value) out += `- ${inlineText(item)}\n`;
      out += '\n';
    } else if (typeof value === 'object' && value !== null) {
      out += `## ${label}\n`;
      for (const [k, v] of Object.entries(value)) out += `- **${k}**: ${inlineText(v)}\n`;
      out += '\n';
    } else {
      out += `**${label}**: ${inlineText(value)}\n\n`;
    }
  }
  const history = record.interaction_history;
  if (Array.isArray(history) && history.length > 0) {
    out += '## 交互历史\n\n';
    for (const entry of history) {
      if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
        const e = entry as Record<string, unknown>;
        out += `- ${inlineText(e.timestamp ?? '')}: ${inlineText(e.summary ?? '')}\n`;
      } else {
        out += `- ${inlineText(entry)}\n`;
      }
    }
    out += '\n';
  }
  return out;
}
