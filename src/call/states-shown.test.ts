import { describe, expect, it } from 'vitest';
import type { SystemQueryRecord } from '../domain/session-schemas.js';
import { statesShown } from './states-shown.js';

const query = (response: unknown, ok = true): SystemQueryRecord => ({
  interface: 'orders',
  method: 'GET',
  endpoint: '/orders',
  purpose: 'orders',
  mock: true,
  ok,
  response,
});

describe('statesShown', () => {
  it('reads status-like fields at any depth, each state once', () => {
    const states = statesShown([
      query({
        orders: [
          { id: 'A1', status: 'pending', note: 'left at the door, signed by a neighbour' },
          { id: 'A2', delivery_status: '已付款待发货', return_window_status: 'open' },
          { id: 'A3', status: 'pending' },
        ],
      }),
      query({ account: { state: 'active', owner: 'Amy Lee' } }),
    ]);
    expect(states).toEqual(['pending', '已付款待发货', 'open', 'active']);
  });

  it('takes no names, notes, long texts nor failed queries', () => {
    const states = statesShown([
      query({ status_note: 'x'.repeat(60), holder: 'Amy Lee' }),
      query({ status: 'pending' }, false),
    ]);
    expect(states).toEqual([]);
  });
});

describe('statesShown on a call that goes on querying', () => {
  it('reads a query added to the same list', () => {
    const queries: SystemQueryRecord[] = [query({ status: 'pending' })];
    expect(statesShown(queries)).toEqual(['pending']);
    queries.push(query({ status: 'claimed' }));
    expect(statesShown(queries)).toEqual(['pending', 'claimed']);
  });
});
