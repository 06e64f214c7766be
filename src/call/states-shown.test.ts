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

  it('reads the caller’s role on a record as a state (role: 共同监护人)', () => {
    expect(statesShown([query({ role: '共同监护人', holder: '曹婷（账户持有人，不是来电人）' })])).toEqual([
      '共同监护人',
    ]);
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

describe('statesShown: a warranty’s last day, read on the day of the call', () => {
  const on = new Date('2027-03-01T10:00:00Z');
  it('says in warranty before the last day and out of it after, and nothing without a day', () => {
    expect(statesShown([query({ device: { serial: 'X1', warranty_until: '2027-06-30' } })], on)).toEqual([
      '保修期内',
    ]);
    expect(statesShown([query({ device: { guarantee_ends_on: '2026-12-31' } })], on)).toEqual(['保修期外']);
    expect(statesShown([query({ device: { warranty_until: '2027-06-30' } })])).toEqual([]);
  });
  it('says neither when one warranty of the records has run out and another has not', () => {
    const both = query({ lens_warranty_until: '2027-02-01', frame_warranty_until: '2027-08-01' });
    expect(statesShown([both], on)).toEqual([]);
  });
});

describe('statesShown: a package valid until a day', () => {
  const on = new Date('2028-03-01T10:00:00Z');
  it('says before its expiry while valid, expired after, and neither when two packages disagree', () => {
    expect(statesShown([query({ packages: [{ no: 'P1', valid_until: '2028-04-02' }] })], on)).toEqual([
      '有效期内',
      '到期前',
    ]);
    expect(statesShown([query({ pass: { expires_on: '2028-02-01' } })], on)).toEqual(['已过期']);
    const two = query({ packages: [{ valid_until: '2028-04-02' }, { valid_until: '2027-12-31' }] });
    expect(statesShown([two], on)).toEqual([]);
  });
});
