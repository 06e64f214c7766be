/**
 * Text normalisation shared by the permission parsers.
 *
 * The output has exactly the length of the input (every change maps one UTF-16 unit to one), so
 * offsets found in the normalised text are offsets in the caller's text: quantities and requests
 * report spans of what the caller wrote.
 */

const NEEDS_WORK =
  /[A-Z\u00a0\u2009\u202f\u2013\u2014\u2018\u2019\u201c\u201d\u3000\u3002\u301c\uff01-\uff5e\uffe5]/;
// The same characters, each replaced on its own (the rest of the text is copied as it is).
const WORK = new RegExp(NEEDS_WORK.source, 'g');

/**
 * Full-width ASCII (`２００`, `，`, `＜`) to ASCII, `￥` to `¥`, `。` to `.`, ideographic, no-break
 * and thin spaces to space, curly quotes to straight ones, dashes to `-`, wave dashes to `~`, ASCII letters to lower case.
 */
export function normalizeText(text: string): string {
  // A check reads the same text twice in a row (its requests, then who it is about).
  if (text === lastText) return lastNorm;
  const norm = NEEDS_WORK.test(text) ? text.replace(WORK, normalizeChar) : text;
  lastText = text;
  lastNorm = norm;
  return norm;
}

let lastText = '';
let lastNorm = '';

function normalizeChar(ch: string): string {
  let c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000 || c === 0xa0 || c === 0x2009 || c === 0x202f) c = 0x20;
  else if (c === 0x3002) c = 0x2e;
  else if (c === 0xffe5) c = 0xa5;
  else if (c === 0x2018 || c === 0x2019) c = 0x27;
  else if (c === 0x201c || c === 0x201d) c = 0x22;
  else if (c === 0x2013 || c === 0x2014) c = 0x2d;
  else if (c === 0x301c) c = 0x7e;
  if (c >= 65 && c <= 90) c += 32;
  return String.fromCharCode(c);
}

/** ASCII letters (after normalisation) — used for word boundaries in English. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
