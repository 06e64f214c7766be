import type { Product } from '../../domain/record-schemas.js';
import { recordText } from '../../domain/record-text.js';
import { responseFields } from '../../domain/response-fields.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';

/**
 * The caller's role on the account, as a query returned it (caller_role, 来电人身份), where it is
 * one that may not hear the account's records: an authorised contact for visits only, a named
 * recipient, a site contact (authorised_contact, 授权联系人). Only where something says so: the
 * role itself (visits only), a note beside it on the account (Do not discuss the casks' contents
 * with her), or the product's own words on that role (a site contact may only be told the next
 * visit). A contact the product lets discuss and manage the account, the holder, an attorney, and
 * a role that says what it may hear (can hear job and payment details) are not limited.
 *
 * @example limitedRole(queries, product) // 'authorised_contact', with an access note saying "visits only"
 */
export function limitedRole(queries: readonly SystemQueryRecord[], product: Product): string | undefined {
  for (const q of queries) {
    if (!q.ok) continue;
    const fields = responseFields(q.response);
    for (const [key, value] of fields) {
      if (typeof value !== 'string' || !ROLE_KEY.test(key)) continue;
      if (HOLDER.test(value) || MAY_HEAR.test(value) || !LIMITED.test(value)) return undefined;
      const noted = fields.some(([k, v]) => typeof v === 'string' && NOTE_KEY.test(k) && RESTRICTED.test(v));
      return RESTRICTED.test(value) || noted || productLimits(product, value) ? value : undefined;
    }
  }
  return undefined;
}

/** Whether the product's own words limit what a caller of this role is told (a site contact may only be told …). */
function productLimits(product: Product, role: string): boolean {
  const words = role
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s*\(.*$/, '')
    .trim();
  if (words === '') return false;
  const text = recordText(product).toLowerCase();
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1))
    if (RESTRICTED.test(text.slice(at, at + words.length + 60))) return true;
  return false;
}

const ROLE_KEY = /(?:^|_)role$|角色|身份/i;
const NOTE_KEY = /note|access|权限|说明|备注/i;
/** The holder, said first: "authorised contact (added by the account holder)" is no holder. */
const HOLDER =
  /^\s*(?:the\s+)?(?:account[\s_-]*holder|holder|(?:registered[\s_-]*)?owner|box[\s_-]*holder|subscriber|primary|member|户主|本人|委托人|持卡人|车主|业主|下单人|签约人|主卡)/i;
const MAY_HEAR = /\bhear\b|\bsee\b|\bview\b|attorney|full[\s_-]*access|可(?:以)?查|可了解|可知/i;
const LIMITED =
  /authori[sz]ed|contact|named|recipient|driver|parcel[\s_-]*only|sub[\s_-]*card|supplementary|co-?guardian|联系人|授权|家属|代办|收货人|收件人|副卡|附属卡|共同监护人/i;
/** Words that limit what is told: only, do not, nothing about, 只可, 不得. */
const RESTRICTED =
  /\bonly\b|\bdo not\b|\bdon'?t\b|\bnothing about\b|\bnot (?:an? )?(?:owner|holder)\b|只可|只能|只(?:告知|告诉|讲|说)|仅|不得|不要|不能告知|不可/i;
