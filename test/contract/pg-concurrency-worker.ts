/**
 * One writer process of the concurrency test (bundled by esbuild and started 32 times).
 * argv: url schema customerId index. It opens the store, prints "ready", waits for "go" on
 * stdin, then saves one session and appends it to the shared customer's interaction_history,
 * and prints {"sessionId": ...}.
 */
import { createInterface } from 'node:readline';
import { openPgRecordStore } from '../../src/store/postgres/pg-record-store.js';

async function main(): Promise<void> {
  const [url, schema, customerId, index] = process.argv.slice(2) as [string, string, string, string];
  const store = await openPgRecordStore(url, { schema, poolSize: 1 });
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
  const { sessionId } = await store.saveSession({
    date: '20261125',
    tag: `w${index}`,
    build: (id) => ({
      session_id: id,
      product: '会员订阅服务',
      customer: '张先生',
      operator: 'HEAR策略',
      timestamp: new Date().toISOString(),
      conversation: [{ role: 'customer', content: `writer ${index}` }],
      review: {
        resolution_status: 'resolved',
        issue_summary: `writer ${index}`,
        actions_taken: [],
        follow_up_required: false,
        customer_updates: {},
      },
      customer_id: customerId,
    }),
    readme: (s) => `# ${s.session_id}\n`,
  });
  await store.update('customer', customerId, async (current) => {
    // Widen the read-modify-write window: without the row lock, writers would overwrite each other.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const history = Array.isArray(current.interaction_history) ? current.interaction_history : [];
    return {
      ...current,
      interaction_history: [
        ...history,
        {
          session_id: sessionId,
          timestamp: '',
          type: 'customer_service_call',
          summary: index,
          outcome: 'resolved',
        },
      ],
    };
  });
  await store.close();
  process.stdout.write(`${JSON.stringify({ sessionId })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
