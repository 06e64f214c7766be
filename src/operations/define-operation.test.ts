import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { csFailure } from '../../test/support/operation-store.js';
import { MemoryRecordStore } from '../store/memory/memory-record-store.js';
import {
  defineOperation,
  inputSchema,
  operationData,
  runOperation,
  runParsedOperation,
} from './define-operation.js';

/** An operation whose schema is a function of zod, as the quick reads write theirs. */
function echoOperation(build = vi.fn((zod: typeof z) => zod.object({ n: zod.number().int().min(1) }))) {
  return {
    build,
    operation: defineOperation({
      name: 'echo',
      title: 'Echo',
      description: 'gives its input back',
      input: build,
      run: async (_deps, input) => ({ twice: input.n * 2 }),
      text: (out) => `twice: ${out.twice}`,
    }),
  };
}

const deps = () => ({ store: new MemoryRecordStore(), env: {} });

describe('runOperation', () => {
  it('parses raw input with a schema written as a function and runs the operation', async () => {
    const { operation } = echoOperation();
    const { output, input } = await runOperation(operation, deps(), { n: 4 });
    expect(output).toEqual({ twice: 8 });
    expect(input).toEqual({ n: 4 });
  });

  it('refuses input the schema rejects with one E_INVALID line naming the operation and field', async () => {
    const { operation } = echoOperation();
    const error = await csFailure(runOperation(operation, deps(), { n: 0 }));
    expect(error.code).toBe('E_INVALID');
    expect(error.message).toMatch(/^echo: n: /);
  });
});

describe('runParsedOperation', () => {
  it('runs checked input without building the schema (the quick reads load no zod)', async () => {
    const { operation, build } = echoOperation();
    const { output } = await runParsedOperation(operation, deps(), { n: 5 });
    expect(output).toEqual({ twice: 10 });
    expect(build).not.toHaveBeenCalled();
  });
});

describe('inputSchema', () => {
  it('builds a schema written as a function once and returns the same one after', () => {
    const { operation, build } = echoOperation();
    const first = inputSchema(operation, z);
    expect(inputSchema(operation, z)).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(Object.keys(first.shape)).toEqual(['n']);
  });

  it('returns a schema given as a zod object as it is', () => {
    const schema = z.object({ a: z.string() });
    const operation = defineOperation({
      name: 'plain',
      title: 'Plain',
      description: 'a plain schema',
      input: schema,
      run: async () => 1,
      text: String,
    });
    expect(inputSchema(operation, z)).toBe(schema);
  });
});

describe('operationData', () => {
  it('is the whole output without a data function, and what an async data function resolves to', async () => {
    const { operation } = echoOperation();
    expect(await operationData(operation, { twice: 2 })).toEqual({ twice: 2 });
    const withData = { ...operation, data: async (out: { twice: number }) => [out.twice] };
    expect(await operationData(withData, { twice: 2 })).toEqual([2]);
  });
});
