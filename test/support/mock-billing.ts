// Test helper (not shipped): what the mock backend answers and holds for one caller, through the
// built `cs` as a user would (`cs mock set|show`), run in the test process.

import { expect } from 'vitest';
import { runCsInProcess } from './run-cs-in-process.js';

/** Fixes what the caller's billing interface answers (`cs mock set`). */
export async function setBilling(
  db: string,
  product: string,
  phone: string,
  response: unknown,
): Promise<void> {
  const set = await runCsInProcess([
    'mock',
    'set',
    '--db',
    db,
    '--product',
    product,
    '--phone',
    phone,
    '--interface',
    'user_billing',
    '--response',
    JSON.stringify(response),
  ]);
  expect(set.code, set.stderr).toBe(0);
}

/** The refunds the mock backend holds for the caller (a refund is a negative amount): what was carried out. */
export async function refunds(db: string, product: string, phone: string): Promise<number[]> {
  const shown = await runCsInProcess(
    ['mock', 'show', '--db', db, '--product', product, '--phone', phone, '--json'],
    {
      timeoutMs: 120_000,
    },
  );
  expect(shown.code, shown.stderr).toBe(0);
  const states = JSON.parse(shown.stdout) as Array<{
    state: { user_billing?: { transactions?: Array<{ type?: string; amount: number }> } };
  }>;
  const transactions = states[0]?.state.user_billing?.transactions ?? [];
  return transactions.filter((t) => t.type === 'refund').map((t) => t.amount);
}
