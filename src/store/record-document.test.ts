import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../domain/record-schemas.js';
import { buildNewRecord, mergeUpdate } from './record-document.js';

const NOW = '2026-11-25T09:00:00.000000';

describe('buildNewRecord', () => {
  it('puts the metadata after the caller’s fields, as the legacy scripts did', () => {
    const r = buildNewRecord('customer', '4f064bfb', { name: '张先生', phone: '13800138000' }, NOW);
    expect(Object.keys(r)).toEqual(['name', 'phone', '_id', '_type', '_created']);
    expect(r).toMatchObject({ _id: '4f064bfb', _type: 'customer', _created: NOW });
  });

  it('keeps a copied record’s key order and times but not its id or type', () => {
    const source = {
      name: '张先生',
      _id: 'aaaaaaaa',
      _type: 'product',
      _created: '2026-01-01T00:00:00.000000',
      _updated: '2026-01-02T00:00:00.000000',
      interaction_history: [],
    };
    const r = buildNewRecord('customer', '4f064bfb', source, NOW);
    expect(Object.keys(r)).toEqual(Object.keys(source));
    expect(r).toEqual({ ...source, _id: '4f064bfb', _type: 'customer' });
  });
});

describe('mergeUpdate', () => {
  const current = {
    name: '张先生',
    phone: '13800138000',
    _id: '4f064bfb',
    _type: 'customer',
    _created: '2026-11-25T08:28:07.296156',
    _cold_start: true,
  } as StoredRecord;

  it('sets _updated right after _created the first time and keeps the key order', () => {
    const r = mergeUpdate(current, { ...current, phone: '13800138001', interaction_history: [] }, NOW);
    expect(Object.keys(r)).toEqual([
      'name',
      'phone',
      '_id',
      '_type',
      '_created',
      '_updated',
      '_cold_start',
      'interaction_history',
    ]);
    expect(r).toMatchObject({ phone: '13800138001', _updated: NOW, _cold_start: true });
  });

  it('keeps metadata the change leaves out, and drops user fields it leaves out', () => {
    const r = mergeUpdate(current, { name: '张先生' }, NOW);
    expect(r).toEqual({
      name: '张先生',
      _id: '4f064bfb',
      _type: 'customer',
      _created: current._created,
      _updated: NOW,
      _cold_start: true,
    });
  });

  it('keeps a field named __proto__ as data', () => {
    const next = JSON.parse('{"name":"张先生","__proto__":{"x":1}}') as Record<string, unknown>;
    const r = mergeUpdate(current, next, NOW);
    expect(Object.hasOwn(r, '__proto__')).toBe(true);
    expect(JSON.stringify(r)).toContain('"__proto__":{"x":1}');
  });

  it('never lets a change move the id, type or creation time (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (next) => {
        const r = mergeUpdate(current, next, NOW);
        return (
          r._id === current._id &&
          r._type === current._type &&
          r._created === current._created &&
          r._updated === NOW
        );
      }),
    );
  });
});
