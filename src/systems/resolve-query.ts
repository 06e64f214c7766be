import { CsError } from '../domain/cs-error.js';
import { maskPhone, normalizePhone } from '../domain/phone.js';
import type { ApiInterface, Product } from '../domain/record-schemas.js';
import {
  describeInterfaces,
  isCallerParam,
  matchTemplate,
  productInterfaces,
  templatePlaceholders,
  templateSpecificity,
} from './_interfaces.js';

/** What a caller of the systems layer asks for: one interface of a product, for one caller. */
export interface QueryRequest {
  /** A validated product record with api_interfaces. */
  product: Product;
  /** The caller's normalised phone; parameters naming the caller bind to it. */
  phone: string;
  interfaceName?: string;
  /** A filled path (`/api/user/13800138000/billing?date=2026-01-25`) or a template. */
  endpoint?: string;
  params?: Record<string, string>;
  /**
   * Leave out a parameter that is not in the path and not given (an order_id filter on a list of
   * orders) instead of refusing the query: an agent in a call looks up everything of the caller's
   * it cannot narrow. `cs query` keeps every declared parameter required.
   */
  filtersOptional?: boolean;
}

/** A query ready to run: the interface, and its endpoint with every parameter filled in. */
export interface ResolvedQuery {
  interfaceName: string;
  definition: ApiInterface;
  method: string;
  /** Filled path plus a query string for the parameters that are not in the path. */
  endpoint: string;
  /** Every bound parameter, the caller's included. */
  params: Record<string, string>;
}

const METHOD_PREFIX = /^(GET|POST|PUT|PATCH|DELETE)\s+/i;
const PLACEHOLDER_VALUE = /^\{[^{}]*\}$/;

/**
 * Picks the interface a request means and binds its parameters. Pure.
 *
 * - `endpoint` is matched against the product's templates (`{x}` matches one path segment);
 *   its query string supplies parameters too.
 * - Parameters naming the caller (user_id, phone, customer_id, uid, mobile ...) bind to the
 *   caller's phone; naming another number is refused, since a query only looks up the caller.
 * - Other parameters come from `params`, then the endpoint.
 *
 * @example resolveQuery({ product, phone: '13800138000', interfaceName: 'user_billing', params: { date: '2026-01-25' } })
 *   // endpoint: '/api/user/13800138000/billing?date=2026-01-25'
 */
export function resolveQuery(req: QueryRequest): ResolvedQuery {
  const interfaces = productInterfaces(req.product);
  const parsedEndpoint = req.endpoint === undefined ? undefined : parseEndpoint(req.endpoint);
  let interfaceName: string;
  let bound: Record<string, string> = {};

  if (req.interfaceName !== undefined) {
    interfaceName = req.interfaceName;
    const definition = interfaces[interfaceName];
    if (!definition) {
      throw new CsError(
        'E_NOT_FOUND',
        `Product ${req.product.name} has no interface "${interfaceName}": use one of ${describeInterfaces(interfaces)}.`,
      );
    }
    if (parsedEndpoint) {
      const match = matchTemplate(definition.endpoint, parsedEndpoint.path);
      if (!match) {
        throw new CsError(
          'E_USAGE',
          `Endpoint ${parsedEndpoint.path} does not match interface ${interfaceName} (${definition.method} ${definition.endpoint}): fix --endpoint or drop it.`,
        );
      }
      bound = match;
    }
  } else if (parsedEndpoint) {
    const found = matchEndpoint(req.product, interfaces, parsedEndpoint.path);
    interfaceName = found.name;
    bound = found.bound;
  } else {
    throw new CsError(
      'E_USAGE',
      `Name the query: pass --interface NAME or --endpoint PATH; product ${req.product.name} has ${describeInterfaces(interfaces)}.`,
    );
  }

  const definition = interfaces[interfaceName] as ApiInterface;
  const given: Record<string, string> = { ...(parsedEndpoint?.query ?? {}), ...withoutPlaceholders(bound) };
  for (const [k, v] of Object.entries(req.params ?? {})) {
    if (v.trim() !== '') given[k] = v.trim();
  }

  // /accounts/{account_no}/payments?from={from}&to={to}: the query string's values filter, as
  // parameters outside the path do; only the path's must be there.
  const pathTemplate = definition.endpoint.split('?')[0]!;
  const placeholders = templatePlaceholders(pathTemplate);
  const needed = unique([...templatePlaceholders(definition.endpoint), ...definition.params]);
  const params: Record<string, string> = {};
  const missing: string[] = [];

  for (const name of needed) {
    if (isCallerParam(name)) {
      refuseOtherCaller(name, given[name], req.phone);
      params[name] = req.phone;
      continue;
    }
    const value = given[name];
    if (value !== undefined) params[name] = value;
    else if (!(req.filtersOptional === true && !placeholders.includes(name))) missing.push(name);
  }
  if (missing.length > 0) {
    const how = missing.map((m) => `--param ${m}=<value>`).join(' ');
    throw new CsError(
      'E_USAGE',
      `Interface ${interfaceName} (${definition.method} ${definition.endpoint}) needs ${missing.map((m) => `"${m}"`).join(', ')}: pass ${how}.`,
    );
  }
  // Parameters the interface does not declare are still sent: the caller asked for them.
  for (const [name, value] of Object.entries(given)) {
    if (name in params) continue;
    if (isCallerParam(name)) {
      refuseOtherCaller(name, value, req.phone);
      continue;
    }
    params[name] = value;
  }

  let path = pathTemplate;
  for (const name of placeholders) {
    path = path.replace(`{${name}}`, encodeURIComponent(params[name] as string));
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (!placeholders.includes(name)) search.append(name, value);
  }
  const qs = search.toString();
  return {
    interfaceName,
    definition,
    method: definition.method,
    endpoint: qs === '' ? path : `${path}?${qs}`,
    params,
  };
}

function parseEndpoint(raw: string): { path: string; query: Record<string, string> } {
  let text = raw.trim().replace(METHOD_PREFIX, '');
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      text = url.pathname + url.search;
    } catch {
      throw new CsError(
        'E_USAGE',
        `Endpoint "${raw}" is not a valid URL or path: pass a path like /api/user/{user_id}.`,
      );
    }
  }
  const q = text.indexOf('?');
  const pathPart = q === -1 ? text : text.slice(0, q);
  const query: Record<string, string> = {};
  if (q !== -1) {
    for (const [k, v] of new URLSearchParams(text.slice(q + 1))) {
      if (v.trim() !== '') query[k] = v.trim();
    }
  }
  return { path: pathPart.startsWith('/') ? pathPart : `/${pathPart}`, query };
}

function matchEndpoint(
  product: Product,
  interfaces: Record<string, ApiInterface>,
  path: string,
): { name: string; bound: Record<string, string> } {
  const matches: Array<{ name: string; bound: Record<string, string>; specificity: number }> = [];
  for (const [name, definition] of Object.entries(interfaces)) {
    const bound = matchTemplate(definition.endpoint, path);
    if (bound) matches.push({ name, bound, specificity: templateSpecificity(definition.endpoint) });
  }
  if (matches.length === 0) {
    throw new CsError(
      'E_NOT_FOUND',
      `No interface of product ${product.name} matches ${path}: its interfaces are ${describeInterfaces(interfaces)}.`,
    );
  }
  const best = Math.max(...matches.map((m) => m.specificity));
  const top = matches.filter((m) => m.specificity === best);
  if (top.length > 1) {
    throw new CsError(
      'E_AMBIGUOUS',
      `Endpoint ${path} matches several interfaces (${top.map((m) => m.name).join(', ')}): pass --interface NAME.`,
      { details: { candidates: top.map((m) => m.name) } },
    );
  }
  const chosen = top[0] as (typeof top)[number];
  return { name: chosen.name, bound: chosen.bound };
}

/** A template given as the endpoint binds `{user_id}` to itself: that is no value. */
function withoutPlaceholders(bound: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(bound).filter(([, v]) => !PLACEHOLDER_VALUE.test(v)));
}

function refuseOtherCaller(name: string, value: string | undefined, phone: string): void {
  if (value === undefined || PLACEHOLDER_VALUE.test(value)) return;
  if (normalizePhone(value) === phone) return;
  throw new CsError(
    'E_REFUSED',
    `Parameter ${name}=${maskPhone(value)} is not the caller (${maskPhone(phone)}): a system query only looks up the caller's own data.`,
  );
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
