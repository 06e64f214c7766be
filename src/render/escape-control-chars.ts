// C0 controls, DEL, C1 controls, and the invisible marks that reorder or hide text (bidi
// embeddings, overrides and isolates, the Arabic letter mark). A record name or a caller's line
// holding them could move the cursor, recolour or clear the screen, or make text read backwards.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text from outside safe to print for people in a terminal: control characters and
 * bidi overrides are shown escaped (`\x1b`, `\u202e`) instead of acting on the terminal.
 * By default newlines and tabs are escaped too, so a value cannot add lines to a block; with
 * `multiline` a whole text keeps its line breaks and tabs. JSON output needs none of this.
 *
 * @example escapeControlChars('a\u001b[2Jb') // 'a\\x1b[2Jb'
 */
export function escapeControlChars(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(CONTROL, (char) => {
    if (options.multiline && (char === '\n' || char === '\t')) return char;
    const code = char.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
