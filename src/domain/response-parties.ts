import { responseFields } from './response-fields.js';

/**
 * Parties other than the caller that a backend response names: who complained about them, a
 * neighbour, a parcel's other end. What such a field holds is someone else's data, whatever the
 * interface: the built-in agent never reads it out and the reply guard stops any reply that does.
 * Staff a response names (骑手, 管家, technician) serve the caller and are not among them.
 */

/** Keys of a response field that names someone other than the caller. */
export const OTHER_PARTY_FIELD =
  /complain|report(?:er|ed_by)|informant|whistle|neighbou?r|recipient|receiver|consignee|sender|shipper|seller|buyer|transfer(?:or|ee)|counterpart|投诉人|举报人|反映人|邻居|收件人|寄件人|卖家|买家|转让人|受让人|对方/i;

/**
 * Keys of a field holding a way to reach someone outside the call's systems (a WeChat, QQ,
 * WhatsApp, Telegram or e-mail): whoever it belongs to, it is not read out.
 */
export const CONTACT_HANDLE_FIELD =
  /wechat|weixin|whatsapp|telegram|\bqq\b|^qq|qq_?(?:id|no|number)?$|line_?id|e-?mail|微信|邮箱/i;

/**
 * The contact handles a response holds (CONTACT_HANDLE_FIELD), at any depth: values long enough
 * to name one account (a doctor's WeChat id, a courier's e-mail).
 *
 * @example contactHandlesIn({ doctors: [{ name: '黄医生', wechat: 'hjj_2020' }] }) // ['hjj_2020']
 */
export function contactHandlesIn(response: unknown): string[] {
  return responseFields(response)
    .filter(
      ([key, value]) =>
        CONTACT_HANDLE_FIELD.test(key) && typeof value === 'string' && value.trim().length >= 4,
    )
    .map(([, value]) => String(value).trim());
}

const NAME_FIELD = /^(?:name|full_?name|姓名|名字|contact_?name)$|_name$/i;
const PHONE_FIELD = /phone|mobile|tel(?:ephone)?$|电话|手机/i;

/** A person named in a response: their name and phone as the response gave them ('' when absent). */
export interface ResponseParty {
  name: string;
  phone: string;
}

/**
 * The parties a response names under fields of someone other than the caller, at any depth.
 *
 * @example partiesInResponse({ orders: [{ complainant: { name: '王丽华', phone: '13606718842' } }] })
 * // [{ name: '王丽华', phone: '13606718842' }]
 */
export function partiesInResponse(response: unknown): ResponseParty[] {
  const found: ResponseParty[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (!OTHER_PARTY_FIELD.test(key)) {
        visit(v, depth + 1);
        continue;
      }
      if (typeof v === 'string') {
        // recipient_phone holds a number, recipient / recipient_name a name.
        if (PHONE_FIELD.test(key)) found.push({ name: '', phone: v });
        else found.push({ name: v, phone: '' });
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const fields = Object.entries(v as Record<string, unknown>);
        const name = fields.find(([k, x]) => NAME_FIELD.test(k) && typeof x === 'string')?.[1];
        const phone = fields.find(([k, x]) => PHONE_FIELD.test(k) && typeof x === 'string')?.[1];
        if (name !== undefined || phone !== undefined)
          found.push({ name: String(name ?? ''), phone: String(phone ?? '') });
      } else visit(v, depth + 1);
    }
  };
  visit(response, 0);
  return found;
}
