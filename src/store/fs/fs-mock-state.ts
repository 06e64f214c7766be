import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import type { MockStateEntry, MockStateStore } from '../mock-state-store.js';
import { corruptFile } from './fs-corrupt.js';
import { readJson, SAFE_SEGMENT, subfolders } from './fs-files.js';
import type { FsStoreContext } from './fs-store-context.js';
import { formatJson, writeAtomic } from './write-atomic.js';

/** The mock backend's state on files: `<db>/mock_state/<productId>/<normalised phone>.json`. */
export class FsMockState implements MockStateStore {
  readonly #ctx: FsStoreContext;

  constructor(ctx: FsStoreContext) {
    this.#ctx = ctx;
  }

  async getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    return this.#read(this.#path(productId, phone));
  }

  async updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const path = this.#path(productId, phone);
    const key = normalizePhone(phone);
    return this.#ctx.locks.with(`mock-${productId}-${key.replace('+', 'p')}`, async () => {
      const next = change(await this.#read(path));
      await mkdir(this.#ctx.path('mock_state', productId), { recursive: true });
      // Simulated backend data: the rename keeps it all-or-nothing; skipping the flush to disk
      // keeps a call turn that changes it within the agent's latency budget.
      await writeAtomic(path, formatJson(next), { fsync: false });
      return next;
    });
  }

  async listMockStates(productId?: string): Promise<MockStateEntry[]> {
    const root = this.#ctx.path('mock_state');
    const products = productId === undefined ? await subfolders(root) : [productId];
    const out: MockStateEntry[] = [];
    for (const pid of products) {
      if (!SAFE_SEGMENT.test(pid)) continue;
      const files = (await readdir(join(root, pid)).catch(() => [] as string[]))
        .filter((f) => f.endsWith('.json'))
        .sort();
      for (const file of files) {
        const state = await this.#read(join(root, pid, file));
        if (state) out.push({ productId: pid, phone: file.slice(0, -'.json'.length), state });
      }
    }
    return out;
  }

  #path(productId: string, phone: string): string {
    if (!SAFE_SEGMENT.test(productId)) {
      throw new CsError(
        'E_INVALID',
        `Product id "${productId}" has characters a mock state path cannot take.`,
      );
    }
    const key = normalizePhone(phone);
    if (!/^\+?\d{1,32}$/.test(key)) throw new CsError('E_INVALID', `"${phone}" is not a phone number.`);
    return this.#ctx.path('mock_state', productId, `${key}.json`);
  }

  async #read(path: string): Promise<Record<string, unknown> | undefined> {
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const { MockStateSchema } = await import('./fs-file-schemas.js');
    if (!MockStateSchema.safeParse(raw).success)
      throw corruptFile(path, 'a mock state must be a JSON object');
    return raw as Record<string, unknown>;
  }
}
