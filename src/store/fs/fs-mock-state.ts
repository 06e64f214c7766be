import { mkdirSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import type { MockStateEntry, MockStateStore } from '../mock-state-store.js';
import { corruptFile } from './fs-corrupt.js';
import { isCode, readJsonSync, SAFE_SEGMENT, subfolders } from './fs-files.js';
import type { FsStoreContext } from './fs-store-context.js';
import { createOnceSync, formatJson, replaceFileSync } from './write-atomic.js';

/**
 * The mock backend's state on files: `<db>/mock_state/<productId>/<normalised phone>.json`.
 * Its file operations are synchronous: they sit on a call turn's path (see replaceFileSync).
 */
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
    const lock = `mock-${productId}-${normalizePhone(phone).replace('+', 'p')}`;
    // A new caller's state is created without the lock, first writer wins (createOnceSync): the
    // turn that first queries a caller pays one write, not a lock's dozen file operations.
    // Whoever loses, and every change of an existing state, takes the locked path below.
    if (!this.#ctx.locks.holds(lock) && (await this.#read(path)) === undefined) {
      const next = change(undefined);
      if (this.#create(productId, path, next)) return next;
    }
    return this.#ctx.locks.with(lock, async () => {
      for (;;) {
        const current = await this.#read(path);
        const next = change(current);
        // The state as it was (another process generated it first): nothing to write.
        if (next === current) return next;
        if (current === undefined) {
          // Still created exclusively: an unlocked first writer may be creating it right now.
          const created = this.#create(productId, path, next);
          if (created === false) continue;
          if (created) return next;
        }
        // Simulated backend data: the rename keeps it all-or-nothing; skipping the flush to disk
        // keeps a call turn that changes it within the agent's latency budget. Only lock
        // holders replace an existing state, so nobody's write is lost.
        const text = formatJson(next);
        this.#inFolder(productId, () => replaceFileSync(path, text));
        // Still under the lock, so the file is the one just written.
        this.#remember(path, text);
        return next;
      }
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

  /**
   * Creates a state that does not exist yet (see createOnceSync): true when this call created
   * it, false when it exists, undefined where the file system has no hard links.
   */
  #create(productId: string, path: string, state: Record<string, unknown>): boolean | undefined {
    // Not remembered: without the lock, the file may be replaced before its stamp is taken. The
    // next read reads it back once.
    return this.#inFolder(productId, () => createOnceSync(path, formatJson(state)));
  }

  /** Runs a write into the product's folder, first making the folder unless known to be there. */
  #inFolder<T>(productId: string, write: () => T): T {
    const folder = this.#ctx.path('mock_state', productId);
    if (this.#folders.has(folder)) {
      try {
        return write();
      } catch (error) {
        // Removed meanwhile (`cs mock reset`, by hand): made again below.
        if (!isCode(error, 'ENOENT')) throw error;
        this.#folders.delete(folder);
      }
    }
    mkdirSync(folder, { recursive: true });
    this.#folders.add(folder);
    return write();
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
    const stamp = fileStamp(path);
    if (stamp === undefined) {
      this.#known.delete(path);
      return undefined;
    }
    const known = this.#known.get(path);
    if (known?.stamp === stamp) return JSON.parse(known.text) as Record<string, unknown>;
    const raw = readJsonSync(path);
    if (raw === undefined) return undefined;
    const { MockStateSchema } = await import('./fs-file-schemas.js');
    if (!MockStateSchema.safeParse(raw).success)
      throw corruptFile(path, 'a mock state must be a JSON object');
    // The stamp was taken before the read: if the file changed in between, it no longer matches.
    this.#known.set(path, { stamp, text: JSON.stringify(raw) });
    return raw as Record<string, unknown>;
  }

  #remember(path: string, text: string): void {
    const stamp = fileStamp(path);
    if (stamp === undefined) this.#known.delete(path);
    else this.#known.set(path, { stamp, text });
  }
}

/** A file's identity and version (inode, size, change and modification times); none if missing. */
function fileStamp(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}
