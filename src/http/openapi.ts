import { z } from 'zod';
import type { RouteTable } from './operation-route.js';

// The OpenAPI 3.1 document of the API, built from the same zod schemas that parse the requests
// (zod 4's `z.toJSONSchema`, whose draft 2020-12 output is OpenAPI 3.1's schema language).

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] } & Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const ERROR = { $ref: '#/components/schemas/Error' };

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ERROR } } };
}

/**
 * The OpenAPI document of every route in `routes`: parameters from the path, the query or body
 * from the route's schema, who may call it (`x-cs-access`: a role, `public`, or `chat`), and the
 * one error shape.
 *
 * @example app.get('/api/openapi.json', (c) => c.json(openApiDocument(routes, { version })))
 */
export function openApiDocument(routes: RouteTable, info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const names = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] as string);
    const path = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = names.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const operation: Record<string, unknown> = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.path.startsWith('/chat/') ? 'chat' : (route.path.split('/')[2] ?? 'api')],
      'x-cs-access': route.access,
      security:
        route.access === 'public' || route.access === 'chat'
          ? []
          : [{ session: [], csrf: [] }, { bearer: [] }],
    };
    if (route.request) {
      const schema = jsonSchemaOf(route.request);
      if (route.method === 'get') {
        const required = new Set(schema.required ?? []);
        for (const [name, field] of Object.entries(schema.properties ?? {})) {
          parameters.push({ name, in: 'query', required: required.has(name), schema: field });
        }
      } else {
        operation.requestBody = { required: true, content: { 'application/json': { schema } } };
      }
    }
    if (parameters.length > 0) operation.parameters = parameters;
    operation.responses = {
      200: route.stream
        ? {
            description: 'A stream of server-sent events',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          }
        : { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
      400: errorResponse('Bad input: one message naming the fields'),
      ...(route.access === 'public' ? {} : { 401: errorResponse('No credentials, or not valid') }),
      403: errorResponse('Not allowed (role, CSRF token)'),
      404: errorResponse('Unknown'),
      413: errorResponse('Body over 64 KB'),
    };
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'cs serve — customer-service API',
      version: info.version,
      description:
        'The JSON API of `cs serve`. Every route calls the operation the CLI and MCP call. Sign in with ' +
        'POST /api/login (cookies, and X-CSRF-Token on every change) or send an API token (cs users token NAME).',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'cs_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        bearer: { type: 'http', scheme: 'bearer', description: 'an API token from `cs users token NAME`' },
      },
    },
  };
}
