import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CsError } from '../domain/cs-error.js';
import { resolveRecord } from '../records/resolve-record.js';
import type { RecordStore } from '../store/record-store.js';

/** The seed's methodology guide, shipped in the package's references/. */
export const METHODOLOGIES_URI = 'cs://methodologies';
/** Each product's permission rules: `cs://products/<name>/permissions`. */
export const PRODUCT_PERMISSIONS_TEMPLATE = 'cs://products/{name}/permissions';

/**
 * Finds a file of the package (references/...). The bundle runs from dist/chunks/, the sources
 * from src/mcp/: both sit two levels below the package root, but walking up a few levels keeps
 * this right if either moves.
 */
export async function findPackageFile(relative: string): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, relative);
    const found = await stat(candidate).then(
      (s) => s.isFile(),
      () => false,
    );
    if (found) return candidate;
    dir = dirname(dir);
  }
  throw new CsError('E_INTERNAL', `${relative} is missing from this installation; reinstall the package.`);
}

/** `cs://methodologies` and `cs://products/{name}/permissions`. */
export function registerResources(server: McpServer, store: RecordStore): void {
  server.registerResource(
    'methodologies',
    METHODOLOGIES_URI,
    {
      title: 'Service methodologies (HEAR, LAST, LEARN)',
      description:
        'How each service methodology runs a call, step by step, with phrases (references/service-methodologies.md).',
      mimeType: 'text/markdown',
    },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: 'text/markdown',
          text: await readFile(await findPackageFile(join('references', 'service-methodologies.md')), 'utf8'),
        },
      ],
    }),
  );

  server.registerResource(
    'product-permissions',
    new ResourceTemplate(PRODUCT_PERMISSIONS_TEMPLATE, {
      list: async () => ({
        resources: (await store.summaries('product')).map((p) => ({
          uri: productPermissionsUri(p.name),
          name: `${p.name} permissions`,
          title: `${p.name} 权限规则`,
          mimeType: 'application/json',
        })),
      }),
      complete: {
        name: async (value) =>
          (await store.summaries('product'))
            .map((p) => p.name)
            .filter((n) => n.toLowerCase().includes(value.toLowerCase())),
      },
    }),
    {
      title: 'Product permission rules',
      description:
        'A product’s operator_permissions: can_approve_immediately, requires_supervisor, requires_process, forbidden. ' +
        'check_permission decides by these; read them to know what to expect.',
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const raw = variables.name;
      const name = decodeURIComponent(Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? ''));
      const product = await resolveRecord(store, 'product', { name });
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: 'application/json',
            text: JSON.stringify(
              { product: product.name, operator_permissions: product.operator_permissions },
              null,
              2,
            ),
          },
        ],
      };
    },
  );
}

/** The resource URI of a product's permission rules. */
export function productPermissionsUri(productName: string): string {
  return `cs://products/${encodeURIComponent(productName)}/permissions`;
}
