import { recordText } from '../domain/record-text.js';
import type { OtherPartyOptions } from '../permissions/index.js';

/**
 * Who is calling, for the engine's data scope: their phone and name are theirs, anyone else's
 * are not. A cold-start caller's record holds a placeholder name (来电客户_1111), not theirs, and
 * puts them on no account (`unlisted`). The call session and the built-in agent both read it here.
 */
export function callerScope(caller: {
  customer: Readonly<Record<string, unknown>>;
  phone: string;
  coldStart: boolean;
}): OtherPartyOptions {
  const { customer, phone, coldStart } = caller;
  return {
    callerPhone: phone,
    callerName: !coldStart && typeof customer.name === 'string' ? customer.name : '',
    recordText: coldStart ? '' : recordText(customer),
    ...(coldStart ? { unlisted: true } : {}),
  };
}
