import { describe, expect, it } from 'vitest';
import { csFailure, customerFields, scenarioStore } from '../../test/support/operation-store.js';
import { CsError } from '../domain/cs-error.js';
import { createRecord } from '../records/record-service.js';
import type { CustomerScope, TextSink } from './define-operation.js';
import { operationData, runOperation, runParsedOperation } from './define-operation.js';
import { getRecordOperation, listRecordsOperation, recordRefOf } from './record-read-operations.js';

const zh = new Intl.Collator('zh');

/** A sink that keeps what is written, and can close after `limit` writes. */
function sink(limit = Number.POSITIVE_INFINITY): TextSink & { text(): string } {
  const parts: string[] = [];
  return {
    get closed() {
      return parts.length >= limit;
    },
    async write(text) {
      parts.push(text);
    },
    text: () => parts.join(''),
  };
}

/** A scope that shows only 张先生 and refuses every other customer. */
function onlyZhang(store: Awaited<ReturnType<typeof scenarioStore>>): CustomerScope {
  const callers = async () => (await store.findByName('customer', '张先生')).slice(0, 1);
  return {
    customers: callers,
    async customer(ref) {
      const [zhang] = await callers();
      if (zhang && 'name' in ref && zhang.name.includes(ref.name)) return zhang;
      throw new CsError('E_REFUSED', 'only the caller');
    },
  };
}

describe('recordRefOf', () => {
  it.each([
    [{ name: '张' }, true, { name: '张' }],
    [{ id: 'abcdef12' }, false, { id: 'abcdef12' }],
    [{ phone: '13800138000' }, true, { phone: '13800138000' }],
    [{ phone: '13800138000' }, false, undefined],
    [{ name: '张', id: 'abcdef12' }, true, undefined],
    [{}, true, undefined],
  ])('%j (phone allowed: %s) names %j', (fields, allowPhone, ref) => {
    expect(recordRefOf(fields, allowPhone)).toEqual(ref);
  });
});

describe('get_record', () => {
  it('reads a product by part of its name; its text is the record’s README', async () => {
    const store = await scenarioStore();
    const { output, input } = await runOperation(
      getRecordOperation,
      { store, env: {} },
      {
        type: 'product',
        name: '会员',
      },
    );
    expect(output.name).toBe('会员订阅服务');
    const text = await getRecordOperation.text(output, input);
    expect(text).toMatch(/^# 会员订阅服务/);
    expect(text).toContain('退款<100元');
  });

  it('reads a customer by phone written with spaces', async () => {
    const store = await scenarioStore();
    const { output } = await runOperation(
      getRecordOperation,
      { store, env: {} },
      {
        type: 'customer',
        phone: '139 1234 5678',
      },
    );
    expect(output.name).toBe('李女士');
  });

  it('refuses a read naming the record twice (E_USAGE)', async () => {
    const store = await scenarioStore();
    const error = await csFailure(
      runOperation(getRecordOperation, { store, env: {} }, { type: 'product', name: '会员', id: 'abcdef12' }),
    );
    expect(error.code).toBe('E_USAGE');
  });

  it('reads customers through a scope, products without it', async () => {
    const store = await scenarioStore();
    const deps = { store, env: {}, customers: onlyZhang(store) };
    const refused = await csFailure(
      runParsedOperation(getRecordOperation, deps, { type: 'customer', name: '李' }),
    );
    expect(refused.code).toBe('E_REFUSED');
    const own = await runParsedOperation(getRecordOperation, deps, { type: 'customer', name: '张' });
    expect(own.output.phone).toBe('13800138000');
    const product = await runParsedOperation(getRecordOperation, deps, { type: 'product', name: '会员' });
    expect(product.output.name).toBe('会员订阅服务');
  });
});

describe('list_records', () => {
  it('writes text for people: the database, each type with its count, names sorted', async () => {
    const store = await scenarioStore();
    const { output, input } = await runParsedOperation(listRecordsOperation, { store, env: {} }, {});
    const text = await listRecordsOperation.text(output, input);
    expect(text.split('\n')).toEqual([
      `数据库 Database: ${store.location}`,
      '',
      '## 产品 Products (1)',
      expect.stringMatching(/^- 会员订阅服务 {2}\[[0-9a-f]{8}\]$/),
      '',
      '## 客户 Customers (2)',
      expect.stringMatching(/^- 李女士 {2}\[[0-9a-f]{8}\] {2}13912345678$/),
      expect.stringMatching(/^- 张先生 {2}\[[0-9a-f]{8}\] {2}13800138000$/),
      '',
      '## 策略 Operators (1)',
      expect.stringMatching(/^- HEAR策略 {2}\[[0-9a-f]{8}\]$/),
      '',
    ]);
  });

  it('writes JSON as JSON.stringify would: an object of arrays, or one array for one type', async () => {
    const store = await scenarioStore();
    const all = await runParsedOperation(listRecordsOperation, { store, env: {} }, {});
    const out = sink();
    await listRecordsOperation.write?.(all.output, all.input, out, { json: true });
    const summaries = {
      product: await store.summaries('product'),
      // People's order: by name as Chinese readers sort it (李 before 张).
      customer: (await store.summaries('customer')).sort((a, b) => zh.compare(a.name, b.name)),
      operator: await store.summaries('operator'),
    };
    expect(out.text()).toBe(`${JSON.stringify(summaries, null, 2)}\n`);

    const one = await runParsedOperation(
      listRecordsOperation,
      { store, env: {} },
      { type: 'operator', verbose: true },
    );
    const oneOut = sink();
    await listRecordsOperation.write?.(one.output, one.input, oneOut, { json: true });
    expect(oneOut.text()).toBe(`${JSON.stringify(await store.list('operator'), null, 2)}\n`);
  });

  it('gives the wire every row of every type as { records }', async () => {
    const store = await scenarioStore();
    const { output } = await runParsedOperation(listRecordsOperation, { store, env: {} }, {});
    const data = (await operationData(listRecordsOperation, output)) as { records: Array<{ type: string }> };
    expect(data.records.map((r) => r.type)).toEqual(['product', 'customer', 'customer', 'operator']);
  });

  it('lists only the customers a scope allows, and says so', async () => {
    const store = await scenarioStore();
    const deps = { store, env: {}, customers: onlyZhang(store) };
    const { output, input } = await runParsedOperation(listRecordsOperation, deps, { type: 'customer' });
    const text = await listRecordsOperation.text(output, input);
    expect(text).toContain('## 客户 Customers (1) (仅当前来电者 only the callers of live calls)');
    expect(text).toContain('张先生');
    expect(text).not.toContain('李女士');
  });

  it('stops writing when the reader goes away', async () => {
    const store = await scenarioStore();
    for (let i = 0; i < 20; i++) {
      await createRecord(
        store,
        'customer',
        customerFields(`客户${i}`, `1370000${String(i).padStart(4, '0')}`),
      );
    }
    const { output, input } = await runParsedOperation(listRecordsOperation, { store, env: {} }, {});
    const out = sink(5);
    await listRecordsOperation.write?.(output, input, out, { json: false });
    expect(out.text().split('\n').length).toBeLessThan(10);
  });
});
