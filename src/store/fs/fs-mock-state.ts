import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import type { MockStateEntry, MockStateStore } from '../mock-state-store.js';
import { corruptFile } from './fs-corrupt.js';
import { isCode, readJson, SAFE_SEGMENT, subfolders } from './fs-files.js';
import type { FsStoreContext } from './fs-store-context.js';
import { formatJson, writeAtomic } from './write-atomic.js';

/** The mock backend's state on files: `<db>/mock_state/<productId>/<normalised phone>.json`. */
export class FsMockState implements MockStateStore {
  readonly #ctx: FsStoreContext;
  /** The text of states this process read or wrote, by path, with the file's stamp then. */
  readonly #known = new Map<string, { stamp: string; text: string }>();
  /** Product folders this process made or found: a turn's writes do not make them again. */
  readonly #folders = new Set<string>();

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
      const current = await this.#read(path);
      const next = change(current);
      // The state as it was (another process generated it first): nothing to write.
      if (next === current) return next;
      // Simulated backend data: the rename keeps it all-or-nothing; skipping the flush to disk
      // keeps a call turn that changes it within the agent's latency budget.
      const text = formatJson(next);
      await this.#write(productId, path, text);
      // Still under the lock, so the file is the one just written.
      await this.#remember(path, text);
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

  /** Writes a state, making its product folder first unless this process knows it is there. */
  async #write(productId: string, path: string, text: string): Promise<void> {
    const folder = this.#ctx.path('mock_state', productId);
    if (this.#folders.has(folder)) {
      try {
        await writeAtomic(path, text, { fsync: false });
        return;
      } catch (error) {
        // Removed meanwhile (`cs mock reset`, by hand): made again below.
        if (!isCode(error, 'ENOENT')) throw error;
        this.#folders.delete(folder);
      }
    }
    await mkdir(folder, { recursive: true });
    this.#folders.add(folder);
    await writeAtomic(path, text, { fsync: false });
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
    // A state this process read or wrote and nobody replaced since (same inode, size and times)
    // is parsed from memory: a turn's queries read it again and again.
    const stamp = await fileStamp(path);
    if (stamp === undefined) {
      this.#known.delete(path);
      return undefined;
    }
    const known = this.#known.get(path);
    if (known?.stamp === stamp) return JSON.parse(known.text) as Record<string, unknown>;
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const { MockStateSchema } = await import('./fs-file-schemas.js');
    if (!MockStateSchema.safeParse(raw).success)
      throw corruptFile(path, 'a mock state must be a JSON object');
    // The stamp was taken before the read: if the file changed in between, it no longer matches.
    this.#known.set(path, { stamp, text: JSON.stringify(raw) });
    return raw as Record<string, unknown>;
  }

  async #remember(path: string, text: string): Promise<void> {
    const stamp = await fileStamp(path);
    if (stamp === undefined) this.#known.delete(path);
    else this.#known.set(path, { stamp, text });
  }
}

/** A file's identity and version (inode, size, change and modification times); none if missing. */
async function fileStamp(path: string): Promise<string | undefined> {
  try {
    const st = await stat(path, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}
