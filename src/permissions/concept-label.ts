import { conceptById } from './_lexicon.js';
import type { ActionConcept } from './find-action-requests.js';

/**
 * A concept's name for people, in Chinese or English. An id the lexicon does not know is shown
 * with its underscores as spaces.
 *
 * @example conceptLabel('refund', 'zh') // '退款'
 * @example conceptLabel('cancel_auto_renew', 'en') // 'cancel auto-renewal'
 */
export function conceptLabel(concept: ActionConcept, lang: 'zh' | 'en'): string {
  const def = conceptById(concept);
  if (def) return def[lang];
  return concept.replaceAll('_', ' ');
}
