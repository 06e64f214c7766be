import { normalizePhone } from '../../domain/phone.js';
import type { MockStateEntry, MockStateStore } from '../mock-state-store.js';
import { copy } from './serial-queue.js';

/** The memory store's mock backend state, one entry per product and phone. */
export class MemoryMockState implements MockStateStore {
  readonly #mock = new Map<string, MockStateEntry>();

  async getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined> {
    const entry = this.#mock.get(`${productId}|${normalizePhone(phone)}`);
    return entry ? copy(entry.state) : undefined;
  }

  async updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const key = `${productId}|${normalizePhone(phone)}`;
    const current = this.#mock.get(key);
    const state = copy(change(current ? copy(current.state) : undefined));
    this.#mock.set(key, { productId, phone: normalizePhone(phone), state });
    return copy(state);
  }

  async listMockStates(productId?: string): Promise<MockStateEntry[]> {
    return [...this.#mock.values()]
      .filter((e) => productId === undefined || e.productId === productId)
      .sort((a, b) => (a.productId + a.phone < b.productId + b.phone ? -1 : 1))
      .map(copy);
  }
}
