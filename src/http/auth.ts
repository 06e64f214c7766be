import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { addSupervisor } from '../approvals/decide-approval.js';
import { type Clock, systemClock } from '../domain/clock.js';
import { CsError } from '../domain/cs-error.js';
import type { RecordStore } from '../store/record-store.js';
import type { WorkDoc, WorkflowStore } from '../store/workflow-store.js';

// The people who sign in to `cs serve`, and how they prove it (docs/decisions/013-http-server.md):
// users are work items of kind `user` (so every server on one database knows them), passwords
// are scrypt hashes, console sessions are HMAC-signed cookies with a CSRF token derived from
// them, machines use API tokens stored as SHA-256 hashes, and failed sign-ins are throttled.

/** What a person may do, each role including the one before: agent < supervisor < admin. */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person as routes see them. */
export interface User {
  id: string;
  name: string;
  role: Role;
}

/** What the user functions use: the store, the environment (CS_SERVE_SECRET) and a clock. */
export interface AuthDeps {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
}

/** scrypt's cost: N=2^14, r=8, p=1 (16 MiB a hash), the parameters node and OWASP name. */
const SCRYPT = { N: 16_384, r: 8, p: 1, keylen: 32 } as const;
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const TokenSchema = z.object({
  id: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  created_at: z.string(),
});

/** A `user` work item as stored; parsed whenever one is read (parse at the edges). */
const UserDocSchema = z.looseObject({
  id: z.string().regex(/^usr_[0-9a-f]{16}$/),
  state: z.string(),
  name: z.string().min(1),
  role: z.enum(ROLES),
  password: z.string().startsWith('scrypt$'),
  tokens: z.array(TokenSchema).default([]),
});
type UserDoc = z.infer<typeof UserDocSchema> & WorkDoc;

const now = (deps: { clock?: Clock | undefined }) => (deps.clock ?? systemClock).now();

/** A name as stored and compared: NFKC, trimmed (the supervisors' rule). */
export function cleanName(name: string): string {
  return name.normalize('NFKC').trim();
}

/** A user's work item id: derived from the name, so a name is taken once on every server. */
export function userId(name: string): string {
  return `usr_${createHash('sha256').update(cleanName(name)).digest('hex').slice(0, 16)}`;
}

/** Whether `role` may do what needs `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

// ---- passwords

/**
 * Hashes a password as `scrypt$N$r$p$<salt b64>$<hash b64>`, so the cost can be raised later
 * without making stored hashes unreadable.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, SCRYPT.keylen, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Whether `password` matches a stored hash; false for a hash this code cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64');
  const expected = Buffer.from(parts[5] as string, 'base64');
  if (![N, r, p].every(Number.isInteger) || expected.length === 0) return false;
  const actual = await scryptAsync(password, salt, expected.length, {
    N,
    r,
    p,
    maxmem: 256 * N * r + 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash nobody's password matches, checked when the name is unknown so both take as long. */
let decoyHash: Promise<string> | undefined;

// ---- users

async function readUserDoc(store: RecordStore, name: string): Promise<UserDoc | undefined> {
  const doc = await store.getWork('user', userId(name));
  if (doc?.state !== 'active') return undefined;
  return parseUserDoc(doc);
}

function parseUserDoc(doc: WorkDoc): UserDoc {
  const parsed = UserDocSchema.safeParse(doc);
  if (!parsed.success) {
    throw new CsError(
      'E_CORRUPT',
      `The stored user ${doc.id} cannot be read: ${parsed.error.issues[0]?.message}.`,
    );
  }
  return parsed.data as UserDoc;
}

function userOf(doc: UserDoc): User {
  return { id: doc.id, name: doc.name, role: doc.role };
}

/** A new one-time password: 18 random bytes, 24 characters a person can copy. */
function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * `cs users add NAME --role R`: a user with a new password, returned once (only its hash is
 * kept). A supervisor or admin is also a supervisor of the approvals inbox. E_CONFLICT when the
 * name is taken.
 *
 * @example const { password } = await addUser({ store, env }, { name: '王主管', role: 'supervisor' })
 */
export async function addUser(
  deps: AuthDeps,
  input: { name: string; role: Role; by?: string },
): Promise<{ name: string; role: Role; password: string }> {
  const name = cleanName(input.name);
  if (name === '' || name.length > 80) {
    throw new CsError('E_INVALID', 'A user needs a name of 1 to 80 characters: cs users add NAME --role R.');
  }
  const password = newPassword();
  const at = now(deps).toISOString();
  const id = userId(name);
  const doc: UserDoc = {
    id,
    state: 'active',
    created_at: at,
    updated_at: at,
    name,
    role: input.role,
    password: await hashPassword(password),
    tokens: [],
  };
  try {
    await deps.store.addWork('user', doc, {
      at,
      kind: 'user',
      item_id: id,
      who: input.by ?? 'admin',
      from: null,
      to: 'active',
      why: `${name} added as ${input.role}`,
    });
  } catch (error) {
    if (CsError.isInstance(error) && error.code === 'E_CONFLICT') {
      throw new CsError('E_CONFLICT', `There is a user named ${name} already: pick another name.`);
    }
    throw error;
  }
  if (input.role !== 'agent') await ensureSupervisor(deps, name);
  return { name, role: input.role, password };
}

/** Names the user a supervisor of the approvals inbox, unless they are one already. */
async function ensureSupervisor(deps: AuthDeps, name: string): Promise<void> {
  try {
    await addSupervisor({ store: deps.store, env: deps.env, clock: deps.clock ?? systemClock }, name);
  } catch (error) {
    if (!(CsError.isInstance(error) && error.code === 'E_CONFLICT')) throw error;
  }
}

/**
 * `cs users token NAME`: a new API token for the user (`Authorization: Bearer …`), returned
 * once; the store keeps its SHA-256. The token starts with the user's id, so it is looked up
 * without a scan.
 */
export async function issueToken(deps: AuthDeps, name: string): Promise<{ name: string; token: string }> {
  const clean = cleanName(name);
  const id = userId(clean);
  const token = `${id}.${randomBytes(32).toString('base64url')}`;
  const at = now(deps).toISOString();
  const entry = { id: `tok_${randomBytes(4).toString('hex')}`, hash: sha256(token), created_at: at };
  const after = await deps.store.changeWork('user', id, (current) => {
    const user = parseUserDoc(current);
    if (user.state !== 'active') throw noSuchUser(clean);
    return {
      doc: { ...user, updated_at: at, tokens: [...user.tokens, entry] },
      audit: {
        at,
        kind: 'user',
        item_id: id,
        who: 'admin',
        from: user.state,
        to: user.state,
        why: `token ${entry.id}`,
      },
    };
  });
  if (!after) throw noSuchUser(clean);
  return { name: clean, token };
}

function noSuchUser(name: string): CsError {
  return new CsError('E_NOT_FOUND', `No user named ${name}: add one with \`cs users add NAME --role R\`.`);
}

/** The user a password signs in, or undefined (wrong name or password: the same answer). */
export async function checkPassword(
  store: RecordStore,
  name: string,
  password: string,
): Promise<User | undefined> {
  const doc = await readUserDoc(store, name);
  if (!doc) {
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(password, await decoyHash);
    return undefined;
  }
  return (await verifyPassword(password, doc.password)) ? userOf(doc) : undefined;
}

/** The user an API token belongs to, or undefined. */
export async function userByToken(store: RecordStore, token: string): Promise<User | undefined> {
  const id = token.slice(0, token.indexOf('.'));
  if (!/^usr_[0-9a-f]{16}$/.test(id)) return undefined;
  const doc = await store.getWork('user', id);
  if (doc?.state !== 'active') return undefined;
  const user = parseUserDoc(doc);
  const wanted = Buffer.from(sha256(token), 'hex');
  return user.tokens.some((t) => timingSafeEqual(Buffer.from(t.hash, 'hex'), wanted))
    ? userOf(user)
    : undefined;
}

/** The user with this id, while active (a session cookie names it). */
export async function userById(store: RecordStore, id: string): Promise<User | undefined> {
  const doc = await store.getWork('user', id);
  return doc && doc.state === 'active' ? userOf(parseUserDoc(doc)) : undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// ---- sessions and CSRF (signed with the server secret: serverSecret in chat/chat-token.ts)

/** How long a console session lasts. */
export const SESSION_MS = 12 * 3_600_000;

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The `cs_session` cookie's value: `<user id>.<expiry ms>.<hmac>`. */
export function sessionCookie(secret: string, id: string, expiresAt: number): string {
  const body = `${id}.${expiresAt}`;
  return `${body}.${hmac(secret, `session:${body}`)}`;
}

/** The user id a session cookie names, when its signature holds and it has not expired. */
export function readSessionCookie(secret: string, value: string, at: Date): string | undefined {
  const m = /^(usr_[0-9a-f]{16})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return undefined;
  const [, id, exp, mac] = m as unknown as [string, string, string, string];
  if (!sameText(mac, hmac(secret, `session:${id}.${exp}`))) return undefined;
  return Number(exp) > at.getTime() ? id : undefined;
}

/**
 * The CSRF token of a session: derived from its cookie, so a page can send it (it reads the
 * `cs_csrf` cookie) but another site can neither read nor forge it.
 */
export function csrfToken(secret: string, session: string): string {
  return hmac(secret, `csrf:${session}`);
}

/** Whether a request's `X-CSRF-Token` is its session's. */
export function csrfValid(secret: string, session: string, header: string | undefined): boolean {
  return header !== undefined && sameText(header, csrfToken(secret, session));
}

// ---- throttling sign-in

/** After this many failures for one name or one address within the window, sign-in waits. */
export const LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins per name and per address, kept in the store as work items, so every server of
 * one database counts the same failures. `blockedFor` says how many seconds are left while
 * either has failed 5 times within 15 minutes.
 */
export class LoginThrottle {
  readonly #store: WorkflowStore;

  constructor(store: WorkflowStore) {
    this.#store = store;
  }

  /** Seconds until the oldest failure in the window leaves it, when the limit is reached. */
  async blockedFor(keys: readonly string[], at: Date): Promise<number | undefined> {
    let wait = 0;
    const docs = await Promise.all(keys.map((key) => this.#store.getWork(FAILURES, failuresId(key))));
    for (const doc of docs) {
      const recent = recentFailures(doc, at);
      if (recent.length >= LOGIN_FAILURES) {
        const oldest = recent[recent.length - LOGIN_FAILURES] as number;
        wait = Math.max(wait, Math.ceil((oldest + LOGIN_WINDOW_MS - at.getTime()) / 1000));
      }
    }
    return wait > 0 ? wait : undefined;
  }

  async failed(keys: readonly string[], at: Date): Promise<void> {
    for (const key of keys) {
      const id = failuresId(key);
      const change = (current: WorkDoc) => ({
        doc: {
          ...current,
          updated_at: at.toISOString(),
          failures: [...recentFailures(current, at), at.getTime()],
        },
      });
      if (await this.#store.changeWork(FAILURES, id, change)) continue;
      const first: WorkDoc = {
        id,
        state: 'counting',
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        key,
        failures: [at.getTime()],
      };
      try {
        await this.#store.addWork(FAILURES, first);
      } catch (error) {
        // Another server recorded this key's first failure meanwhile: add to it.
        if (!CsError.isInstance(error) || error.code !== 'E_CONFLICT') throw error;
        await this.#store.changeWork(FAILURES, id, change);
      }
    }
  }

  /** A good sign-in clears the name's count (not the address's: one address may try many names). */
  async succeeded(key: string, at: Date): Promise<void> {
    await this.#store.changeWork(FAILURES, failuresId(key), (current) =>
      recentFailures(current, at).length === 0
        ? undefined
        : { doc: { ...current, updated_at: at.toISOString(), failures: [] } },
    );
  }
}

const FAILURES = 'sign_in_failures';

/** A key (`name:…`, `addr:…`) as a work item id: hashed, since names and addresses may hold any character. */
function failuresId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

/** The failure times (ms) of a key's item within the window before `at`. */
function recentFailures(doc: WorkDoc | undefined, at: Date): number[] {
  const since = at.getTime() - LOGIN_WINDOW_MS;
  const failures = Array.isArray(doc?.failures) ? doc.failures : [];
  return failures.filter((t): t is number => typeof t === 'number' && t > since);
}
