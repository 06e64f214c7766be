import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { CsError, describeIssues } from '../domain/cs-error.js';
import {
  type AnyOperation,
  inputSchema,
  type OperationDeps,
  operationData,
  runOperation,
} from '../operations/define-operation.js';
import { type Role, roleAllows, type User } from './auth.js';
import type { Change, EventBus } from './event-bus.js';

// One route → one operation (or one function of the chat service): the request is parsed by a
// zod schema, the signed-in user's role is checked, and the route is written down for the
// OpenAPI document. No business rule lives here: the operations decide.

/** What a route's context carries once the request is signed in (see create-app.ts). */
export interface AppEnv {
  Variables: { user: User };
}

/** Who may call a route: a role (signed in), anyone (`public`), or a chat's token or key. */
export type Access = Role | 'public' | 'chat';

/** A route as the OpenAPI document describes it. */
export interface RouteDoc {
  method: 'get' | 'post' | 'patch';
  /** Hono's form: `/api/approvals/:id`. */
  path: string;
  summary: string;
  description?: string;
  access: Access;
  /** The query (GET) or JSON body (POST, PATCH) the route reads, without what the path gives. */
  request?: z.ZodObject<z.ZodRawShape>;
  /** Answers with a stream of server-sent events. */
  stream?: boolean;
}

/** Every route of an app, in the order they were added. */
export type RouteTable = RouteDoc[];

/** What every route of an app shares. */
export interface RouteContext {
  app: Hono<AppEnv>;
  routes: RouteTable;
  deps: OperationDeps;
  bus: EventBus;
}

/** The largest JSON body a route reads. */
export const BODY_LIMIT = 64 * 1024;

/** The signed-in user; E_REFUSED unless their role allows `needed`. */
export function requireRole(c: Context<AppEnv>, needed: Role): User {
  const user = c.get('user');
  if (!roleAllows(user.role, needed)) {
    throw new CsError(
      'E_REFUSED',
      `This needs the ${needed} role; ${user.name} is ${articleOf(user.role)} ${user.role}.`,
    );
  }
  return user;
}

function articleOf(role: Role): string {
  return role === 'agent' || role === 'admin' ? 'an' : 'a';
}

/** The request's JSON body as an object; E_INVALID when it is not one. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CsError('E_INVALID', 'The request body is not JSON: send a JSON object.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CsError('E_INVALID', 'The request body must be a JSON object ({...}).');
  }
  return value as Record<string, unknown>;
}

/** Parses input by a schema: one E_INVALID line naming the fields, like the CLI's. */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CsError('E_INVALID', `${what}: ${describeIssues(parsed.error.issues)}.`);
  return parsed.data;
}

const fieldTypes = new WeakMap<object, Record<string, string | undefined>>();

/** Each field's JSON type (`boolean`, `integer` …), to read a query string's text as it. */
function typesOf(schema: z.ZodObject<z.ZodRawShape>): Record<string, string | undefined> {
  let types = fieldTypes.get(schema);
  if (!types) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, { type?: string }>;
    };
    types = Object.fromEntries(Object.entries(json.properties ?? {}).map(([k, v]) => [k, v.type]));
    fieldTypes.set(schema, types);
  }
  return types;
}

/**
 * A query string as the schema's input: `overdue=true` a boolean, `limit=5` a number; text the
 * type cannot take is left as it is, for the schema to refuse by name.
 */
export function queryInput(
  schema: z.ZodObject<z.ZodRawShape>,
  query: Record<string, string>,
): Record<string, unknown> {
  const types = typesOf(schema);
  const input: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(query)) {
    const type = types[key];
    if (type === 'boolean' && (text === 'true' || text === 'false')) input[key] = text === 'true';
    else if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text))
      input[key] = Number(text);
    else input[key] = text;
  }
  return input;
}

/** An operation behind a route. */
export interface OperationRouteSpec {
  method: 'get' | 'post' | 'patch';
  path: string;
  operation: AnyOperation;
  /** The role needed, or a function of the request (a ticket's resolve needs more than its comment). */
  role: Role | ((c: Context<AppEnv>) => Role);
  /** Shown in the docs as the role needed, when `role` is a function. */
  docRole?: Role;
  summary?: string;
  /** Input the route gives itself: from the path and the signed-in user; it wins over the request's. */
  fixed?: (c: Context<AppEnv>, user: User) => Record<string, unknown>;
  /** The input fields `fixed` gives, left out of the documented request. */
  fixedKeys?: readonly string[];
  /** Body fields renamed into input fields (`to` → `assignee`). */
  rename?: Readonly<Record<string, string>>;
  /** The operation's data as the route answers it (a list becomes `{ items }`). */
  answer?: (data: unknown) => unknown;
  /** What a page should refetch after it succeeds. */
  changes?: (c: Context<AppEnv>) => Change;
}

/**
 * Adds one operation as a route: the query (GET) or JSON body is parsed by the operation's own
 * schema, so the API refuses what the CLI and MCP refuse, in the same words.
 *
 * @example operationRoute(ctx, { method: 'get', path: '/api/approvals', operation: listApprovalsOperation, role: 'agent', answer: items })
 */
export function operationRoute(ctx: RouteContext, spec: OperationRouteSpec): void {
  const schema = inputSchema(spec.operation, z);
  const hidden = new Set([...(spec.fixedKeys ?? []), ...Object.values(spec.rename ?? {})]);
  let request = schema.omit(
    Object.fromEntries([...hidden].filter((k) => k in schema.shape).map((k) => [k, true])),
  );
  for (const [from, to] of Object.entries(spec.rename ?? {})) {
    const field = schema.shape[to];
    if (field) request = request.extend({ [from]: field });
  }
  ctx.routes.push({
    method: spec.method,
    path: spec.path,
    summary: spec.summary ?? spec.operation.title,
    description: spec.operation.description,
    access: typeof spec.role === 'string' ? spec.role : (spec.docRole ?? 'agent'),
    ...(Object.keys(request.shape).length > 0 ? { request } : {}),
  });
  ctx.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
    const user = requireRole(c, typeof spec.role === 'string' ? spec.role : spec.role(c));
    const given = spec.method === 'get' ? queryInput(request, c.req.query()) : await jsonBody(c);
    const raw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(given)) {
      // What the route fills itself cannot come from the request (`by` is the signed-in user).
      if (spec.fixedKeys?.includes(key) || value === undefined) continue;
      raw[spec.rename?.[key] ?? key] = value;
    }
    Object.assign(raw, spec.fixed?.(c, user));
    const { output } = await runOperation(spec.operation, ctx.deps, raw);
    const data = await operationData(spec.operation, output);
    if (spec.changes) await ctx.bus.publish(spec.changes(c));
    return c.json((spec.answer ? spec.answer(data) : data) as object);
  });
}

/** A route the chat service answers: its own request schema, its own handler. */
export interface ServiceRouteSpec<S extends z.ZodRawShape> {
  method: 'get' | 'post' | 'patch';
  path: string;
  access: Access;
  summary: string;
  description?: string;
  request?: z.ZodObject<S>;
  stream?: boolean;
  handle(c: Context<AppEnv>, input: z.infer<z.ZodObject<S>>): Promise<Response>;
}

/** Adds a route that is not one operation (sign-in, live calls, chat), documented the same way. */
export function serviceRoute<S extends z.ZodRawShape>(ctx: RouteContext, spec: ServiceRouteSpec<S>): void {
  ctx.routes.push({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    access: spec.access,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.request ? { request: spec.request as unknown as z.ZodObject<z.ZodRawShape> } : {}),
    ...(spec.stream ? { stream: true } : {}),
  });
  ctx.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
    if (spec.access !== 'public' && spec.access !== 'chat') requireRole(c, spec.access);
    let input = {} as z.infer<z.ZodObject<S>>;
    if (spec.request) {
      const given =
        spec.method === 'get' ? queryInput(spec.request as never, c.req.query()) : await jsonBody(c);
      input = parseInput(spec.request, given, `${spec.method.toUpperCase()} ${spec.path}`);
    }
    return spec.handle(c, input);
  });
}
