// Test double for the systems tests: an in-memory RecordStore with only what the systems layer
// uses (products, customer summaries, mock state). Not exported from index.ts.

import type { RecordType, StoredRecord } from '../domain/record-schemas.js';
import type { RecordStore, RecordSummary } from '../store/record-store.js';

export interface FakeStore extends RecordStore {
  /** How many times updateMockState ran, to tell generation from reads. */
  mockWrites: number;
  /** The products list() answers; push to add one. */
  products: StoredRecord[];
}

/** Values round-trip through JSON on every write and read, as they do on disk. */
export function createFakeStore(
  options: { products?: StoredRecord[]; customers?: Array<{ id: string; name: string; phone: string }> } = {},
): FakeStore {
  const mock = new Map<string, { productId: string; phone: string; state: string }>();
  const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const products = options.products ?? [];
  const records: Record<RecordType, StoredRecord[]> = { product: products, customer: [], operator: [] };
  const customerSummaries: RecordSummary[] = (options.customers ?? []).map((c) => ({
    type: 'customer',
    ...c,
  }));
  const store = {
    location: 'memory',
    mockWrites: 0,
    products,
    async list(type: RecordType) {
      return records[type].map((r) => json(r));
    },
    async summaries(type: RecordType) {
      if (type === 'customer') return customerSummaries.map((s) => ({ ...s }));
      return records[type].map((r) => ({ id: r._id, type, name: r.name }));
    },
    async getMockState(productId: string, phone: string) {
      const entry = mock.get(`${productId}|${phone}`);
      return entry ? (JSON.parse(entry.state) as Record<string, unknown>) : undefined;
    },
    async updateMockState(
      productId: string,
      phone: string,
      change: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
    ) {
      const key = `${productId}|${phone}`;
      const entry = mock.get(key);
      const next = json(change(entry ? (JSON.parse(entry.state) as Record<string, unknown>) : undefined));
      mock.set(key, { productId, phone, state: JSON.stringify(next) });
      store.mockWrites++;
      return json(next);
    },
    async listMockStates(productId?: string) {
      return [...mock.values()]
        .filter((e) => productId === undefined || e.productId === productId)
        .map((e) => ({
          productId: e.productId,
          phone: e.phone,
          state: JSON.parse(e.state) as Record<string, unknown>,
        }));
    },
  };
  return store as unknown as FakeStore;
}

/** The seed's subscription product (records.json), three interfaces; overrides replace fields. */
export function zhProduct(overrides: Record<string, unknown> = {}): StoredRecord {
  return {
    _id: 'ea1677ad',
    _type: 'product',
    _created: '2026-01-01T00:00:00.000000',
    name: '会员订阅服务',
    description: '视频平台的会员订阅服务，按月或按年收费，支持自动续费。',
    features: ['高清与4K画质', '多设备同时观看', '会员专属内容'],
    api_interfaces: {
      user_subscription: {
        description: '查询用户订阅状态',
        endpoint: '/api/user/{user_id}/subscriptions',
        method: 'GET',
        params: ['user_id'],
        response_fields: ['subscriptions', 'status'],
        mock_enabled: true,
      },
      user_billing: {
        description: '查询账单明细',
        endpoint: '/api/user/{user_id}/billing',
        method: 'GET',
        params: ['user_id', 'date'],
        response_fields: ['transactions', 'total'],
        mock_enabled: true,
      },
      user_profile: {
        description: '查询用户基本信息',
        endpoint: '/api/user/{user_id}',
        method: 'GET',
        params: ['user_id'],
        response_fields: ['name', 'level', 'status'],
        mock_enabled: true,
      },
    },
    ...overrides,
  };
}

/** An English product (records-en.json). */
export function enProduct(overrides: Record<string, unknown> = {}): StoredRecord {
  return {
    _id: '0b1c2d3e',
    _type: 'product',
    _created: '2026-01-01T00:00:00.000000',
    name: 'StreamPlus Premium',
    description: 'A video streaming subscription billed monthly or yearly, with auto-renewal.',
    features: ['4K streaming', 'Offline downloads'],
    api_interfaces: {
      user_subscription: {
        description: "Look up the caller's subscriptions",
        endpoint: '/api/user/{user_id}/subscriptions',
        method: 'GET',
        params: ['user_id'],
        response_fields: ['subscriptions', 'status'],
        mock_enabled: true,
      },
      user_billing: {
        description: 'Look up billing transactions',
        endpoint: '/api/user/{user_id}/billing',
        method: 'GET',
        params: ['user_id', 'date'],
        response_fields: ['transactions', 'total'],
        mock_enabled: true,
      },
    },
    ...overrides,
  };
}

/** A fixed clock for tests. */
export function fixedClock(iso = '2026-01-25T10:00:00'): { now(): Date } {
  return { now: () => new Date(iso) };
}
