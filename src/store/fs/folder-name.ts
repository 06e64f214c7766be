/** Longest folder-name part we produce, in UTF-8 bytes (the `<id>_` prefix comes on top). */
export const MAX_FOLDER_NAME_BYTES = 80;

// Characters Windows, macOS or Linux refuse or treat specially in a path segment.
const FORBIDDEN = /[/\\:*?"<>|]/g;
// C0/C1 controls (newlines, tabs, NUL ...) become spaces so words stay apart.
const CONTROL = /\p{Cc}/gu;
// Invisible format characters that can disguise a name (bidi overrides, BOM); dropped.
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Windows reserves these device names, also with an extension (`CON.txt`), in any case.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Lone UTF-16 surrogates cannot be written to a file system; they become U+FFFD as Node would.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

let segmenter: Intl.Segmenter | undefined;

/**
 * Turns a record name into a folder-name part that is safe on every OS and still readable:
 * CJK and other letters are kept; path separators and `: * ? " < > |` become `_`; control
 * characters become spaces; runs of whitespace collapse; `..` never appears; no leading or
 * trailing dots or spaces; Windows device names (CON, NUL, COM1 ...) get a `_` prefix; at most
 * {@link MAX_FOLDER_NAME_BYTES} UTF-8 bytes, cut between user-perceived characters. Never empty
 * (`_` for a name with nothing usable). Applying it twice changes nothing.
 *
 * @example safeFolderName('张先生 / VIP') // '张先生 _ VIP'
 */
export function safeFolderName(name: string): string {
  let s = name
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/gu, ' ')
    .replace(/\.{2,}/g, '.');
  s = trimEnds(s);
  if (RESERVED.test(s.split('.')[0] ?? '')) s = `_${s}`;
  s = trimEnds(truncateUtf8(s, MAX_FOLDER_NAME_BYTES));
  return s === '' ? '_' : s;
}

function trimEnds(s: string): string {
  return s.replace(/^[.\s]+|[.\s]+$/gu, '');
}

/** The longest prefix of `s` within `maxBytes` UTF-8 bytes that ends on a grapheme boundary. */
function truncateUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s, 'utf8') <= maxBytes) return s;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(s)) {
    const size = Buffer.byteLength(segment, 'utf8');
    if (bytes + size > maxBytes) break;
    out += segment;
    bytes += size;
  }
  if (out !== '') return out;
  // A single grapheme longer than the limit (a pile of combining marks): cut by code point.
  for (const ch of s) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}
