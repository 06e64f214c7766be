import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../domain/record-schemas.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import { duplicatePhones, normalizedFields, storedFieldProblems } from './record-problems.js';
import { createRecord, updateRecord } from './record-service.js';

const customer = (extra: Record<string, unknown>): StoredRecord => ({
  _id: '4f064bfb',
  _type: 'customer',
  _created: '2026-11-25T08:28:07.296156',
  name: '张先生',
  phone: '13800138000',
  ...extra,
});

describe('storedFieldProblems', () => {
  it('names a phone stored as a number and a history that is not a list, both repairable', () => {
    const problems = storedFieldProblems(customer({ phone: 13800138000, interaction_history: 'x' }), 'f');
    expect(problems.map((p) => p.kind)).toEqual(['phone_not_text', 'history_not_list']);
    expect(problems.every((p) => p.fix === true && p.file === 'f')).toBe(true);
  });

  it('finds nothing in a well-typed customer or in other record types', () => {
    expect(storedFieldProblems(customer({ interaction_history: [] }), 'f')).toEqual([]);
    expect(storedFieldProblems({ ...customer({ phone: 1 }), _type: 'product' }, 'f')).toEqual([]);
  });
});

describe('normalizedFields', () => {
  it('turns the phone into text and keeps the old history aside, without metadata', () => {
    expect(normalizedFields('customer', customer({ phone: 13800138000, interaction_history: 'x' }))).toEqual({
      name: '张先生',
      phone: '13800138000',
      interaction_history: [],
      interaction_history_legacy: 'x',
    });
  });
});

describe('duplicatePhones', () => {
  it('groups customers whose phones are the same once normalised', () => {
    const groups = duplicatePhones([
      { id: 'a', phone: '138-0013-8000', file: 'A' },
      { id: 'b', phone: 13800138000, file: 'B' },
      { id: 'c', phone: '13912345678', file: 'C' },
      { id: 'd', phone: undefined, file: 'D' },
    ]);
    expect(groups).toEqual([
      {
        phone: '13800138000',
        holders: [
          { id: 'a', file: 'A' },
          { id: 'b', file: 'B' },
        ],
      },
    ]);
  });
});

describe('record service', () => {
  const fields = {
    name: '张先生',
    phone: '13800138000',
    type: 'new',
    background: 'x',
    communication_style: 'x',
    special_needs: 'x',
  };

  it('refuses an interaction_history typed in as something other than a list', async () => {
    const store = new MemoryRecordStore();
    await expect(
      createRecord(store, 'customer', { ...fields, interaction_history: 'x' }),
    ).rejects.toMatchObject({
      code: 'E_INVALID',
    });
    const created = await createRecord(store, 'customer', fields);
    await expect(
      updateRecord(store, 'customer', { id: created._id }, { interaction_history: { a: 1 } }),
    ).rejects.toMatchObject({ code: 'E_INVALID' });
  });
});
