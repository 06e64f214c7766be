import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { type Clock, systemClock } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import type { WorkflowStore } from '../../store/workflow-store.js';

/**
 * The chat token: who a chat is for, signed by the site that embeds the chat page.
 *
 *   token   = base64url(JSON.stringify({ phone, product?, exp })) + "." + base64url(mac)
 *   mac     = HMAC-SHA256(server secret, the first part as ASCII)
 *   exp     = Unix time in seconds after which the token is refused
 *
 * The site knows the customer (its own sign-in) and issues a token for their phone; the page
 * never asks for a phone, so a visitor cannot open someone else's chat. `product`, when given,
 * binds the token to one product's chat. `cs chat-token --phone P` issues one for tests and demos.
 * The secret is `CS_SERVE_SECRET` (give the site the same value) or the database's own.
 *
 * @example
 * // The embedding site, in Node (any language with HMAC-SHA256 and base64url does the same):
 * const body = Buffer.from(JSON.stringify({ phone: '13800138000', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
 * const token = `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
 * // then: <iframe src="https://support.example.com/chat/会员订阅服务?token=…">
 */
export interface ChatTokenClaims {
  /** The customer's phone, as the site knows it. */
  phone: string;
  /** The product name or id the token is for; any product when absent. */
  product?: string;
  /** Unix seconds. */
  exp: number;
}

const ClaimsSchema = z.object({
  phone: z.string().min(1).max(40),
  product: z.string().min(1).max(200).optional(),
  exp: z.number().int().positive(),
});

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A token longer than this is not one of ours (a phone, a product name and a time). */
const MAX_TOKEN_LENGTH = 2048;

function mac(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text).digest();
}

/** Equal bytes, compared in constant time; different lengths are simply unequal. */
function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const refused = (why: string) =>
  new CsError(
    'E_REFUSED',
    `聊天凭证无效：${why} · The chat token is not valid (${why}); reload the page from the site.`,
  );

/**
 * Signs claims into a chat token.
 *
 * @example signChatToken({ phone: '13800138000', exp: 1_900_000_000 }, secret) // 'eyJwaG9uZSI6…'
 */
export function signChatToken(claims: ChatTokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/**
 * The claims of a token signed with `secret` that has not expired; a one-line E_REFUSED for
 * anything else (malformed, forged, expired), which never says which part was wrong beyond that.
 */
export function verifyChatToken(token: string, secret: string, clock: Clock = systemClock): ChatTokenClaims {
  const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
  const [body, signature] = parts;
  if (parts.length !== 2 || !body || !signature || !BASE64URL.test(body) || !BASE64URL.test(signature)) {
    throw refused('malformed');
  }
  if (!sameBytes(Buffer.from(signature, 'base64url'), mac(secret, body))) throw refused('bad signature');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw refused('malformed');
  }
  const claims = ClaimsSchema.safeParse(json);
  if (!claims.success) throw refused('malformed');
  if (claims.data.exp * 1000 <= clock.now().getTime()) throw refused('expired');
  const { phone, product, exp } = claims.data;
  return { phone, exp, ...(product === undefined ? {} : { product }) };
}

/**
 * The key that lets the browser holding it drive one chat (`X-Chat-Key`): an HMAC of the call
 * id, so any server sharing the secret checks it without storing it. The prefix keeps it apart
 * from a token's signature (a token's first part never holds a `:`).
 */
export function chatKeyFor(callId: string, secret: string): string {
  return mac(secret, `chat-key:${callId}`).toString('base64url');
}

/** Whether `key` is the chat key of `callId`, compared in constant time. */
export function chatKeyMatches(callId: string, key: string, secret: string): boolean {
  if (key.length > 128 || !BASE64URL.test(key)) return false;
  return sameBytes(Buffer.from(key, 'base64url'), mac(secret, `chat-key:${callId}`));
}

/** The `setting` work item holding the server secret. */
const SECRET_ID = 'server-secret';

/**
 * The secret that signs chat tokens and chat keys: `CS_SERVE_SECRET` when set, else the
 * `setting` work item `server-secret` of the database, made once (32 random bytes), so every
 * server and `cs chat-token` on one database agree.
 */
export async function serverSecret(store: WorkflowStore, env: NodeJS.ProcessEnv): Promise<string> {
  const given = env.CS_SERVE_SECRET?.trim();
  if (given) return given;
  const stored = await store.getWork('setting', SECRET_ID);
  if (typeof stored?.value === 'string' && stored.value !== '') return stored.value;
  const at = new Date().toISOString();
  const value = randomBytes(32).toString('base64url');
  try {
    await store.addWork('setting', { id: SECRET_ID, state: 'active', created_at: at, updated_at: at, value });
    return value;
  } catch (error) {
    // Another server made it a moment ago: use theirs.
    if (!CsError.isInstance(error) || error.code !== 'E_CONFLICT') throw error;
    const made = await store.getWork('setting', SECRET_ID);
    if (typeof made?.value === 'string' && made.value !== '') return made.value;
    throw error;
  }
}
