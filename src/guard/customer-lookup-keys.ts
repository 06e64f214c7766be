import { isValidPhone, normalizePhone } from '../domain/phone.js';
import { compactHan, PHONE_RUN, plainDigits } from './_guard-privacy.js';
import { normalizeDraft } from './_guard-text.js';

/** What to look up in the store to find the customers a draft may name. */
export interface CustomerLookupKeys {
  /** Every run of digits that could be a whole phone number, normalised as the store keys phones. */
  phones: string[];
  /** Every stretch of the draft that could be a whole stored name. */
  names: string[];
}

/** Han names are two to five characters: 王芳, 李女士, 欧阳女士, 司马相如. */
const HAN_NAME_LENGTHS = [2, 3, 4, 5] as const;
/** Latin names are one to three words: Alice, Ann Lee, Ms. Ann Lee. */
const LATIN_NAME_WORDS = 3;

/**
 * The phones and names to look up so the reply guard can compare a draft with the customers it
 * may name, instead of with every customer in the store: the cost is a few indexed lookups per
 * draft whether the store holds ten customers or a hundred thousand. A phone counts in every
 * disguise the guard reads (壹叁玖…, 139-1234 5678, +86); a Han name in any stretch of two to five
 * characters (spaces between them removed: 李 小 红); a Latin name in one to three words that start
 * with a capital, as written and capitalised (ANN LEE -> Ann Lee).
 *
 * @example customerLookupKeys('李女士的号码是13912345678') // { phones: ['13912345678'], names: ['李女', '李女士', ...] }
 */
export function customerLookupKeys(draft: string): CustomerLookupKeys {
  const text = normalizeDraft(draft);
  const phones = new Set<string>();
  for (const m of plainDigits(text).matchAll(PHONE_RUN)) {
    const phone = normalizePhone(m[0]);
    if (isValidPhone(phone)) phones.add(phone);
  }
  const names = new Set<string>();
  for (const run of compactHan(text).match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      for (const n of HAN_NAME_LENGTHS) {
        if (i + n <= chars.length) names.add(chars.slice(i, i + n).join(''));
      }
    }
  }
  // Words as the name checks read them: letters, apostrophes, hyphens and a title's period.
  for (const sentence of text.split(/[^\p{L}\s'.-]+/u)) {
    const words = sentence.split(/\s+/).filter((w) => /\p{Script=Latin}/u.test(w));
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i]!)) continue;
      for (let n = 1; n <= LATIN_NAME_WORDS && i + n <= words.length; n++) {
        const parts = words.slice(i, i + n);
        // A sentence's full stop or a possessive is not part of the name (Thanks, Ann Lee. / Lee's).
        const last = parts[n - 1]!.replace(/'s$|\.$/u, '');
        const name = [...parts.slice(0, -1), last].join(' ');
        if (name === '') continue;
        names.add(name);
        names.add(name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase()));
      }
    }
  }
  return { phones: [...phones], names: [...names] };
}
