import type { z } from 'zod';
import { type Clock, systemClock } from '../domain/clock.js';
import { CsError, describeIssues } from '../domain/cs-error.js';
import type { RecordStore } from '../store/record-store.js';

/** What an operation may use: the store, the environment (backend settings) and a clock. */
export interface OperationDeps {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
}

/**
 * One thing the system does, once: a zod input schema (snake_case, as JSON, MCP and HTTP spell
 * it), a `run` over the store, and the text a person reads of its result (the seed's blocks).
 * The CLI, the MCP server and the HTTP API are thin adapters over these definitions.
 */
export interface Operation<S extends z.ZodRawShape, O> {
  /** The wire name (MCP tool, HTTP route): `check_permission`. */
  name: string;
  title: string;
  /** What it does and when to use it, for people and for assistants. */
  description: string;
  input: z.ZodObject<S>;
  /** True when it changes nothing (MCP readOnlyHint, HTTP GET). */
  readOnly?: boolean;
  run(deps: OperationDeps, input: z.infer<z.ZodObject<S>>): Promise<O>;
  /** The result as a person reads it. */
  text(output: O, input: z.infer<z.ZodObject<S>>): string;
  /** The result as data on the wire (JSON, MCP structured content); the whole output by default. */
  data?(output: O): unknown;
}

/** What an operation's result is as data on the wire. */
export function operationData<S extends z.ZodRawShape, O>(operation: Operation<S, O>, output: O): unknown {
  return operation.data ? operation.data(output) : output;
}

/** Declares an operation; the identity, for the types. */
export function defineOperation<S extends z.ZodRawShape, O>(operation: Operation<S, O>): Operation<S, O> {
  return operation;
}

/**
 * Parses raw input against the operation's schema (one readable CsError E_INVALID naming the
 * fields) and runs it.
 *
 * @example await runOperation(checkPermissionOperation, { store, env }, { call_id, action: '退款50元' })
 */
export async function runOperation<S extends z.ZodRawShape, O>(
  operation: Operation<S, O>,
  deps: OperationDeps,
  raw: unknown,
): Promise<{ output: O; input: z.infer<z.ZodObject<S>> }> {
  const parsed = operation.input.safeParse(raw);
  if (!parsed.success) {
    throw new CsError('E_INVALID', `${operation.name}: ${describeIssues(parsed.error.issues)}.`);
  }
  const output = await operation.run({ clock: systemClock, ...deps }, parsed.data);
  return { output, input: parsed.data };
}
