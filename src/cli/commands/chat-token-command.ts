import { clockFromEnv } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import { isValidPhone, normalizePhone } from '../../domain/phone.js';
import { serverSecret, signChatToken } from '../../http/chat/chat-token.js';
import { resolveRecord } from '../../records/resolve-record.js';
import type { CliContext } from '../cli-context.js';

/** At most a week: a chat token is for one visit, not a standing credential. */
const MAX_TTL_MINUTES = 7 * 24 * 60;

/**
 * `cs chat-token --phone P [--product P] [--ttl MIN]`: what the site embedding the chat page
 * does for its signed-in customer, for tests and demos. Signed with the database's server
 * secret (or CS_SERVE_SECRET), so a `cs serve` on the same database accepts it.
 */
export async function chatTokenCommand(
  ctx: CliContext,
  options: { phone: string; product?: string; ttl?: string },
): Promise<number | undefined> {
  const phone = normalizePhone(options.phone);
  if (!isValidPhone(phone)) {
    throw new CsError(
      'E_INVALID',
      `"${options.phone}" is not a phone number (5 to 20 digits; spaces, dashes and +86 are fine).`,
    );
  }
  const ttlText = (options.ttl ?? '60').trim();
  const ttl = /^\d+$/.test(ttlText) ? Number(ttlText) : Number.NaN;
  if (!(ttl >= 1 && ttl <= MAX_TTL_MINUTES)) {
    throw new CsError(
      'E_USAGE',
      `--ttl must be whole minutes from 1 to ${MAX_TTL_MINUTES}, not "${ttlText}".`,
    );
  }
  const store = await ctx.store();
  // Named products are checked now: a typo fails here, not when the customer opens the chat.
  const product =
    options.product === undefined
      ? undefined
      : await resolveRecord(store, 'product', { name: options.product });
  // CS_NOW's clock, as `cs serve` checks expiry on it.
  const exp = Math.floor(clockFromEnv(ctx.env).now().getTime() / 1000) + ttl * 60;
  const token = signChatToken(
    { phone, ...(product ? { product: product.name } : {}), exp },
    await serverSecret(store, ctx.env),
  );
  ctx.emit(
    {
      token,
      phone,
      ...(product ? { product: product.name } : {}),
      expires_at: new Date(exp * 1000).toISOString(),
    },
    () => token,
  );
  return undefined;
}
