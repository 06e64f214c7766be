/** One product's simulated backend state for one caller. */
export interface MockStateEntry {
  productId: string;
  phone: string;
  state: Record<string, unknown>;
}

/** The mock backend's state: for one product and caller, interface name -> response. */
export interface MockStateStore {
  getMockState(productId: string, phone: string): Promise<Record<string, unknown> | undefined>;
  /**
   * Read-modify-write under a lock (or a transaction); `change` gets undefined the first time.
   * `change` may run more than once (a store retries it on the state another writer stored
   * first), so it must be a pure function of the state it gets.
   */
  updateMockState(
    productId: string,
    phone: string,
    change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  listMockStates(productId?: string): Promise<MockStateEntry[]>;
}
