import { z } from 'zod';
import { CsError, describeIssues } from '../domain/cs-error.js';
import { type ApiInterface, ApiInterfaceSchema, type Product } from '../domain/record-schemas.js';

const InterfacesSchema = z.record(z.string(), ApiInterfaceSchema);

// Products are immutable once read; parsing each one once keeps a query loop cheap.
const parsed = new WeakMap<Product, Record<string, ApiInterface>>();

/** The product's api_interfaces, parsed (a product record is trusted, but this field drives I/O). */
export function productInterfaces(product: Product): Record<string, ApiInterface> {
  const cached = parsed.get(product);
  if (cached) return cached;
  const result = InterfacesSchema.safeParse(product.api_interfaces ?? {});
  if (!result.success) {
    throw new CsError(
      'E_INVALID',
      `Product ${product.name} has invalid api_interfaces: ${describeIssues(result.error.issues)}; fix it with cs update product.`,
    );
  }
  parsed.set(product, result.data);
  return result.data;
}

/** Parameter names that identify the caller; they always bind to the caller's phone. */
const CALLER_PARAMS = new Set([
  'user_id',
  'userid',
  'user',
  'phone',
  'phone_number',
  'phonenumber',
  'customer_id',
  'customerid',
  'uid',
  'mobile',
  'msisdn',
  'caller',
  'caller_phone',
]);

/** True when a parameter names the caller (user_id, phone, customer_id, uid, mobile ...). */
export function isCallerParam(name: string): boolean {
  return CALLER_PARAMS.has(name.toLowerCase().replace(/-/g, '_'));
}

/** Names of the `{x}` placeholders of a template, in order. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}/]+)\}/g)].map((m) => m[1] as string);
}

function splitPath(path: string): string[] {
  return path.replace(/\/+$/, '').split('/');
}

/**
 * Matches a path (no query string) against a template whose `{x}` segments match exactly one
 * non-empty segment. Returns the bound values (URL-decoded), or undefined when it does not match.
 */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const t = splitPath(template);
  const p = splitPath(path);
  if (t.length !== p.length) return undefined;
  const bound: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const ts = t[i] as string;
    const ps = p[i] as string;
    const placeholder = /^\{([^{}/]+)\}$/.exec(ts);
    if (placeholder) {
      if (ps === '') return undefined;
      bound[placeholder[1] as string] = safeDecode(ps);
    } else if (ts !== ps) {
      return undefined;
    }
  }
  return bound;
}

/** Number of literal segments: a more literal template is the more specific match. */
export function templateSpecificity(template: string): number {
  return splitPath(template).filter((s) => !/^\{[^{}/]+\}$/.test(s)).length;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "user_subscription (GET /api/user/{user_id}/subscriptions)" for messages. */
export function describeInterfaces(interfaces: Record<string, ApiInterface>): string {
  const entries = Object.entries(interfaces);
  if (entries.length === 0) return 'none';
  return entries.map(([name, d]) => `${name} (${d.method} ${d.endpoint})`).join(', ');
}
