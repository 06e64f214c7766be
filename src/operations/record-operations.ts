import { z } from 'zod';
import { CsError } from '../domain/cs-error.js';
import { RECORD_TYPES } from '../domain/record-types.js';
import { checkRecordSizes } from '../domain/size-limits.js';
import { createRecords, deleteRecord, restoreRecord, updateRecord } from '../records/record-service.js';
import type { RecordRef } from '../records/resolve-record.js';
import { defineOperation } from './define-operation.js';
import { recordRefOf } from './record-read-operations.js';

// Changing records: `cs create`, `cs update`, `cs delete`, `cs restore`. These load the
// validation schemas anyway (every write is validated), so their inputs are plain zod objects.

const recordType = z.enum(RECORD_TYPES).describe('product, customer or operator');
const refFields = {
  name: z.string().min(1).optional().describe('exact or unique partial name'),
  id: z.string().min(1).optional().describe('the 8-hex record id'),
  phone: z.string().min(1).optional().describe('customer phone (customers only)'),
};

/** The record named by exactly one of name, id or phone (customers only). */
function refOf(input: {
  type: string;
  name?: string | undefined;
  id?: string | undefined;
  phone?: string | undefined;
}): RecordRef {
  const ref = recordRefOf(input, input.type === 'customer');
  if (ref === undefined) {
    throw new CsError(
      'E_USAGE',
      `Give exactly one of name or id${input.type === 'customer' ? ' or phone' : ''} to name the record.`,
    );
  }
  return ref;
}

/** `cs create`: one record, or several all or nothing (nothing is written when one is wrong). */
export const createRecordsOperation = defineOperation({
  name: 'create_records',
  title: 'Create records',
  description:
    'Creates one or more records of a type, all or nothing: every record is validated (and customers’ ' +
    'phones checked against each other and the database) before any is written.',
  input: z.object({
    type: recordType,
    records: z
      .array(z.record(z.string(), z.unknown()))
      .min(1)
      .describe('the records’ fields (metadata such as _id is set by the store)'),
  }),
  async run({ store }, input) {
    for (const fields of input.records) checkRecordSizes(fields, input.type);
    return createRecords(store, input.type, input.records);
  },
  text: (created, input) =>
    created.map((r) => `已创建 Created ${input.type}: ${r.name} (id ${r._id})`).join('\n'),
  // One record is itself, several an array (as `cs create --json` always printed them).
  data: (created) => (created.length === 1 ? created[0] : created),
});

/** `cs update`: a top-level merge, validated after the merge. */
export const updateRecordOperation = defineOperation({
  name: 'update_record',
  title: 'Update a record',
  description:
    'Sets fields of one record (a top-level merge: a field given replaces the stored one), validated ' +
    'after the merge. Metadata fields (_id, _type ...) cannot be changed.',
  input: z.object({
    type: recordType,
    ...refFields,
    updates: z.record(z.string(), z.unknown()).describe('the fields to set'),
  }),
  async run({ store }, input) {
    checkRecordSizes(input.updates, input.type);
    return updateRecord(store, input.type, refOf(input), input.updates);
  },
  text: (record, input) => `已更新 Updated ${input.type}: ${record.name} (id ${record._id})`,
});

/** `cs delete`: into the trash, recoverable; a record saved history names needs force. */
export const deleteRecordOperation = defineOperation({
  name: 'delete_record',
  title: 'Delete a record',
  description:
    'Moves one record to the trash (restore_record brings it back). A record that saved call history ' +
    'names is refused unless force is true.',
  input: z.object({
    type: recordType,
    ...refFields,
    force: z.boolean().optional().describe('delete even if saved call history names it'),
  }),
  run: ({ store, confirm }, input) =>
    deleteRecord(store, input.type, refOf(input), {
      ...(input.force ? { force: true } : {}),
      ...(confirm
        ? {
            confirm: (record) =>
              confirm(`确认删除 Delete ${input.type} "${record.name}" (${record._id})? [y/N] `),
          }
        : {}),
    }),
  text: (entry, input) =>
    `已删除 Deleted ${input.type}: ${entry.name} (id ${entry.id}); 可恢复 restore with: cs restore ${entry.trash_id}`,
});

/** `cs restore REF`: a deleted record back, named by trash id, its own id or its name. */
export const restoreRecordOperation = defineOperation({
  name: 'restore_record',
  title: 'Restore a deleted record',
  description: 'Brings a deleted record back from the trash, named by its trash id, its own id or its name.',
  input: z.object({
    ref: z.string().describe('trash id, record id or name'),
  }),
  run: ({ store }, input) => restoreRecord(store, input.ref),
  text: (record) => `已恢复 Restored ${record._type}: ${record.name} (id ${record._id})`,
});

/** `cs restore` without a ref: what the trash holds. */
export const listTrashOperation = defineOperation({
  name: 'list_trash',
  title: 'List the trash',
  description: 'Lists the deleted records that restore_record can bring back, with their trash ids.',
  readOnly: true,
  input: z.object({}),
  run: ({ store }) => store.listTrash(),
  text: (trash) =>
    trash.length === 0
      ? '回收站为空 The trash is empty.'
      : trash.map((t) => `${t.trash_id}  ${t.type}  ${t.name}  (deleted ${t.deleted_at})`).join('\n'),
});
