import { describe, expect, it } from 'vitest';
import { recordsIn, responseFields } from './response-fields.js';

describe('responseFields', () => {
  it("gives a record's own fields before those of what it holds, at any depth", () => {
    const response = {
      orders: [{ id: 'A1', status: 'shipped', items: [{ name: '耳机', fee: 5 }] }],
      status: 'ok',
    };
    expect(responseFields(response)).toEqual([
      ['status', 'ok'],
      ['id', 'A1'],
      ['status', 'shipped'],
      ['name', '耳机'],
      ['fee', 5],
    ]);
  });

  it('reads nothing of a scalar and stops at the deepest level a caller means', () => {
    expect(responseFields('text')).toEqual([]);
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    expect(responseFields(deep)).toEqual([]);
  });
});

describe('recordsIn', () => {
  it('gives every record of a response, each before those it holds, and no list or scalar', () => {
    const response = { orders: [{ id: 'A1', slot: { day: '2027-06-18' } }], status: 'ok' };
    expect(recordsIn(response)).toEqual([
      response,
      { id: 'A1', slot: { day: '2027-06-18' } },
      { day: '2027-06-18' },
    ]);
    expect(recordsIn('text')).toEqual([]);
  });
});
