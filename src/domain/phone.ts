/**
 * Normalises a phone number as the store keys it: spaces, dashes, dots, brackets and a leading
 * +86 / 0086 removed. Returns the digits (an international number keeps its leading +).
 *
 * @example normalizePhone('+86 138-0013-8000') // '13800138000'
 */
export function normalizePhone(raw: string): string {
  let s = raw.normalize('NFKC').replace(/[\s\-.()（）]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return s;
}

/** A normalised phone is digits only, 5 to 20 of them (an optional leading + for abroad). */
export function isValidPhone(phone: string): boolean {
  return /^\+?\d{5,20}$/.test(phone);
}

/** Masks the middle of a phone for display: 13800138000 -> 138****8000. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return phone;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Mainland mobile numbers as a caller would say them: 1[3-9] followed by nine digits. */
export const MAINLAND_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * A mainland mobile as people write it in text: 13812345678, 138 1234 5678, +86-138-1234-5678,
 * 0086 138… (a masked 138****5678 is not one).
 */
export const MOBILE_AS_WRITTEN = /(?<![\d*])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![\d*])/g;

/**
 * A number of any country said as a phone (mobile 07700 900291, phone: +353 87 209 3516, 电话
 * 020-8765 4321): eight digits or more right after the word. A bare "number" is no such word
 * (account number, order number).
 */
export const NAMED_PHONE =
  /(?<=(?:\b(?:mobile|phone|tel|telephone|cell|cellphone|whatsapp)|手机|电话|联系方式)(?: number| no\.?)?[\s:：是为]{0,3})\+?\d(?:[\s-]?\d){7,15}(?!\d)/gi;

/**
 * Whether digits said (07700 900291 read out, 13812345678 in a record) are the caller's number,
 * in whatever form the caller's phone is stored (with a country code or without).
 */
export function isCallersNumber(digits: string, callerPhone: string): boolean {
  const caller = callerPhone.replace(/\D/g, '');
  return caller !== '' && digits.replace(/\D/g, '').endsWith(caller.slice(-11));
}
