import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The two languages of the pages: Chinese first, English alongside. */
export type Lang = 'zh' | 'en';

/** A phrase in both languages. */
export type Phrase = Record<Lang, string>;

const STORAGE_KEY = 'cs_lang';

/** The language chosen with the 中/EN switch, else the browser's (Chinese unless it asks for another). */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // Storage refused (private mode): follow the browser.
  }
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    if (/^zh\b/i.test(tag)) return 'zh';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'zh';
}

/** Remembers the switch's choice for the next visit. */
export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the page still switches.
  }
}

/** The page's language, provided once at the top. */
export const LangContext = createContext<Lang>('zh');

/** The current language and a translator of phrases. */
export function useLang(): { lang: Lang; t: (p: Phrase) => string } {
  const lang = useContext(LangContext);
  return { lang, t: (p) => p[lang] };
}

/** Minutes and seconds until `due` (negative: past), in the language: 1小时5分 / 1h 5m. */
export function countdown(dueMs: number, nowMs: number, lang: Lang): { text: string; overdue: boolean } {
  const diff = dueMs - nowMs;
  const overdue = diff < 0;
  let seconds = Math.floor(Math.abs(diff) / 1000);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const span =
    lang === 'zh'
      ? `${hours > 0 ? `${hours}小时` : ''}${minutes}分${String(seconds).padStart(2, '0')}秒`
      : `${hours > 0 ? `${hours}h ` : ''}${minutes}m ${String(seconds).padStart(2, '0')}s`;
  if (lang === 'zh') return { text: overdue ? `已超时 ${span}` : `剩余 ${span}`, overdue };
  return { text: overdue ? `overdue by ${span}` : `${span} left`, overdue };
}
