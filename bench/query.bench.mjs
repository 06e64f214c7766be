// System query latency (mock backend over the file store; and over HTTP through `cs mock-server`'s
// server), against reading and parsing the same stored state file directly in the same run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createRecord,
  createSystemBackend,
  openStore,
  resolveQuery,
  startMockServer,
} from '../dist/index.js';
import { fmt, header, summarize } from './_util.mjs';

const data = JSON.parse(readFileSync(new URL('../scripts/demo-data.json', import.meta.url), 'utf8'));

export async function run() {
  header('System query latency');
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-query-'));
  try {
    const db = join(dir, 'db');
    const store = await openStore({ db, env: {} });
    const product = await createRecord(store, 'product', data.product);
    const backend = createSystemBackend({ store, env: {} });
    const phone = '13800138000';
    const resolved = resolveQuery({ product, phone, interfaceName: 'user_subscription' });
    await backend.query(resolved, { product, phone }); // first query stores the state
    const mock = [];
    for (let i = 0; i < 1000; i++) {
      const t0 = performance.now();
      await backend.query(resolved, { product, phone });
      mock.push(performance.now() - t0);
    }
    const stateDir = join(db, 'mock_state', product._id);
    const file = join(stateDir, readdirSync(stateDir)[0]);
    const raw = [];
    for (let i = 0; i < 1000; i++) {
      const t0 = performance.now();
      JSON.parse(readFileSync(file, 'utf8'));
      raw.push(performance.now() - t0);
    }
    const m = summarize(mock);
    const r = summarize(raw);
    console.log(`mock query          : p50 ${fmt(m.p50)}  p99 ${fmt(m.p99)}`);
    console.log(`read state file (baseline): p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}`);
    console.log(`ratio p50: ${(m.p50 / r.p50).toFixed(2)}x`);

    const server = await startMockServer({ store });
    const httpProduct = {
      ...product,
      api_interfaces: {
        user_subscription: {
          ...product.api_interfaces.user_subscription,
          mock_enabled: false,
          api_base_url: server.url,
        },
      },
    };
    const httpResolved = resolveQuery({ product: httpProduct, phone, interfaceName: 'user_subscription' });
    const http = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const q = await backend.query(httpResolved, { product: httpProduct, phone });
      http.push(performance.now() - t0);
      if (!q.ok) throw new Error(q.error);
    }
    await server.close();
    const h = summarize(http);
    console.log(
      `real path over HTTP (cs mock-server): p50 ${fmt(h.p50)}  p99 ${fmt(h.p99)}  (ratio to mock p50: ${(h.p50 / m.p50).toFixed(2)}x)`,
    );
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
