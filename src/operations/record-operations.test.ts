import { describe, expect, it } from 'vitest';
import { csFailure, customerFields, scenarioStore } from '../../test/support/operation-store.js';
import { operationData, runOperation } from './define-operation.js';
import {
  createRecordsOperation,
  deleteRecordOperation,
  listTrashOperation,
  restoreRecordOperation,
  updateRecordOperation,
} from './record-operations.js';

describe('create_records', () => {
  it('creates one record: its text names it, its data is the record itself', async () => {
    const store = await scenarioStore();
    const { output, input } = await runOperation(
      createRecordsOperation,
      { store, env: {} },
      {
        type: 'customer',
        records: [customerFields('王五', '13700137000')],
      },
    );
    expect(createRecordsOperation.text(output, input)).toBe(
      `已创建 Created customer: 王五 (id ${output[0]?._id})`,
    );
    expect(await operationData(createRecordsOperation, output)).toMatchObject({
      name: '王五',
      _type: 'customer',
    });
  });

  it('creates several as an array, and nothing when one of them is wrong', async () => {
    const store = await scenarioStore();
    const two = await runOperation(
      createRecordsOperation,
      { store, env: {} },
      {
        type: 'customer',
        records: [customerFields('甲', '13700000001'), customerFields('乙', '13700000002')],
      },
    );
    expect(await operationData(createRecordsOperation, two.output)).toHaveLength(2);
    const error = await csFailure(
      runOperation(
        createRecordsOperation,
        { store, env: {} },
        {
          type: 'customer',
          records: [customerFields('丙', '13700000003'), { name: '丁' }],
        },
      ),
    );
    expect(error.message).toMatch(/^Record \[1\] of 2: .*nothing was created/);
    expect((await store.summaries('customer')).map((s) => s.name)).not.toContain('丙');
  });

  it.each([
    ['no records', { type: 'customer', records: [] }],
    ['an unknown type', { type: 'widget', records: [{}] }],
    ['a record that is not an object', { type: 'customer', records: ['x'] }],
  ])('refuses %s (E_INVALID)', async (_case, raw) => {
    const store = await scenarioStore();
    expect((await csFailure(runOperation(createRecordsOperation, { store, env: {} }, raw))).code).toBe(
      'E_INVALID',
    );
  });

  it('refuses a name over the size limit before validating anything', async () => {
    const store = await scenarioStore();
    const error = await csFailure(
      runOperation(
        createRecordsOperation,
        { store, env: {} },
        {
          type: 'customer',
          records: [customerFields('名'.repeat(1000), '13700000004')],
        },
      ),
    );
    expect(error.message).toMatch(/name is 1000 characters/);
  });
});

describe('update_record', () => {
  it('merges the fields into the record named by phone', async () => {
    const store = await scenarioStore();
    const { output, input } = await runOperation(
      updateRecordOperation,
      { store, env: {} },
      {
        type: 'customer',
        phone: '13800138000',
        updates: { communication_style: '耐心' },
      },
    );
    expect(output).toMatchObject({ name: '张先生', communication_style: '耐心', type: 'returning' });
    expect(updateRecordOperation.text(output, input)).toBe(
      `已更新 Updated customer: 张先生 (id ${output._id})`,
    );
  });

  it('takes a phone for customers only', async () => {
    const store = await scenarioStore();
    const error = await csFailure(
      runOperation(
        updateRecordOperation,
        { store, env: {} },
        {
          type: 'product',
          phone: '13800138000',
          updates: {},
        },
      ),
    );
    expect(error.code).toBe('E_USAGE');
    expect(error.message).toBe('Give exactly one of name or id to name the record.');
  });
});

describe('delete_record, restore_record and list_trash', () => {
  it('asks when it can, and changes nothing on a no', async () => {
    const store = await scenarioStore();
    const questions: string[] = [];
    const confirm = async (question: string) => {
      questions.push(question);
      return false;
    };
    const error = await csFailure(
      runOperation(deleteRecordOperation, { store, env: {}, confirm }, { type: 'customer', name: '李女士' }),
    );
    expect(error.code).toBe('E_REFUSED');
    expect(questions).toEqual([
      expect.stringMatching(/^确认删除 Delete customer "李女士" \([0-9a-f]{8}\)\? \[y\/N\] $/),
    ]);
    expect(await store.findByName('customer', '李女士')).toHaveLength(1);
  });

  it('deletes into the trash, lists it, and restores the record by its name', async () => {
    const store = await scenarioStore();
    const deleted = await runOperation(
      deleteRecordOperation,
      { store, env: {} },
      { type: 'customer', name: '李女士' },
    );
    expect(deleteRecordOperation.text(deleted.output, deleted.input)).toBe(
      `已删除 Deleted customer: 李女士 (id ${deleted.output.id}); 可恢复 restore with: cs restore ${deleted.output.trash_id}`,
    );
    const trash = await runOperation(listTrashOperation, { store, env: {} }, {});
    expect(listTrashOperation.text(trash.output, trash.input)).toMatch(
      new RegExp(`^${deleted.output.trash_id} {2}customer {2}李女士 {2}\\(deleted `),
    );
    const restored = await runOperation(restoreRecordOperation, { store, env: {} }, { ref: '李女士' });
    expect(restoreRecordOperation.text(restored.output, restored.input)).toBe(
      `已恢复 Restored customer: 李女士 (id ${deleted.output.id})`,
    );
    const empty = await runOperation(listTrashOperation, { store, env: {} }, {});
    expect(listTrashOperation.text(empty.output, empty.input)).toBe('回收站为空 The trash is empty.');
  });
});
