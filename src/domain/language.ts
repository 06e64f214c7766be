/** The languages a call is held in: the seed's Chinese first, English alongside. */
export type Language = 'zh' | 'en';

/** A text said in both languages the product speaks. */
export interface Bilingual {
  zh: string;
  en: string;
}

const CJK = /[\u3400-\u9fff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The language a caller is speaking in one utterance; `fallback` when it cannot tell (digits,
 * "ok"). Chinese wins when it has about as many characters as English has words, since
 * Chinese callers mix in brand names and "ok".
 */
export function detectLanguage(text: string, fallback: Language): Language {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  if (cjk === 0 && words === 0) return fallback;
  if (cjk === 0) return words >= 2 || fallback === 'en' ? 'en' : fallback;
  if (words === 0) return 'zh';
  return words >= 3 && words > cjk ? 'en' : 'zh';
}

/** True when the text holds a CJK ideograph (such text is Chinese for replies and reasons). */
export function hasCjk(text: string | undefined): boolean {
  return text !== undefined && /[\u3400-\u9fff]/.test(text);
}
