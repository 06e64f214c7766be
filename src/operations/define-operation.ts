import type { z } from 'zod';
import { type Clock, clockFromEnv } from '../domain/clock.js';
import { CsError, describeIssues } from '../domain/cs-error.js';
import type { StoredRecord } from '../domain/record-schemas.js';
import type { RecordRef } from '../records/resolve-record.js';
import type { RecordStore } from '../store/record-store.js';

/**
 * Which customers a reader may see. The MCP server without `--admin` shows only the callers of
 * its live calls; a reader without a scope sees every customer (`cs read`).
 */
export interface CustomerScope {
  /** The customer `ref` names, when the reader may see it; refuses anyone else. */
  customer(ref: RecordRef): Promise<StoredRecord>;
  /** Every customer the reader may see. */
  customers(): Promise<StoredRecord[]>;
}

/** What an operation may use: the store, the environment (backend settings) and a clock. */
export interface OperationDeps {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  /** Limits the customers a reader sees (see CustomerScope); every customer when absent. */
  customers?: CustomerScope;
  /**
   * Asks the person at the terminal a yes/no question (`cs delete` in a terminal); absent
   * where nobody can be asked (MCP, HTTP, a pipe, `--yes`), and then nothing is asked.
   */
  confirm?(question: string): Promise<boolean>;
}

/** The zod namespace, handed to an input schema written as a function (see `Operation.input`). */
export type Zod = typeof z;

/** Where a streamed result goes a piece at a time (the CLI's StreamWriter over stdout). */
export interface TextSink {
  write(text: string): Promise<void>;
  /** True once the reader has gone away (`cs list | head`): the writer can stop. */
  readonly closed: boolean;
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
  /**
   * The input schema, or a function building it from zod: an operation a quick command runs
   * (`cs read`, `cs history list`) writes it so, and its module then loads no validation
   * library; the schema is built when an adapter parses with it (see `inputSchema`).
   */
  input: z.ZodObject<S> | ((zod: Zod) => z.ZodObject<S>);
  /** True when it changes nothing (MCP readOnlyHint, HTTP GET). */
  readOnly?: boolean;
  run(deps: OperationDeps, input: OperationInput<S>): Promise<O>;
  /** The result as a person reads it. */
  text(output: O, input: OperationInput<S>): string | Promise<string>;
  /**
   * The result as data on the wire (JSON, MCP structured content), or a promise of it; the whole
   * output by default.
   */
  data?(output: O): unknown;
  /**
   * A remark beside the result for a person (the CLI's stderr), not part of it: "showing the
   * newest 100".
   */
  note?(output: O, input: OperationInput<S>): string | undefined;
  /**
   * For a result too large to hold (every customer of a large database): writes its text, or
   * with `json` its JSON, to `out` a piece at a time as the store reads it. The CLI uses it
   * instead of `text`/`data`.
   */
  write?(output: O, input: OperationInput<S>, out: TextSink, options: { json: boolean }): Promise<void>;
}

/** An operation's parsed input. */
export type OperationInput<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

/** Any operation, for adapters that loop over a list of them. */
// biome-ignore lint/suspicious/noExplicitAny: a list of operations of different inputs and outputs
export type AnyOperation = Operation<any, any>;

/** What an operation's result is as data on the wire. */
export async function operationData<S extends z.ZodRawShape, O>(
  operation: Operation<S, O>,
  output: O,
): Promise<unknown> {
  return operation.data ? await operation.data(output) : output;
}

/** Declares an operation; the identity, for the types. */
export function defineOperation<S extends z.ZodRawShape, O>(operation: Operation<S, O>): Operation<S, O> {
  return operation;
}

const built = new WeakMap<object, z.ZodObject<z.ZodRawShape>>();

/**
 * The operation's input schema, built once from `zod` when written as a function.
 *
 * @example server.registerTool(op.name, { inputSchema: inputSchema(op, z).shape }, ...)
 */
export function inputSchema<S extends z.ZodRawShape, O>(
  operation: Operation<S, O>,
  zod: Zod,
): z.ZodObject<S> {
  const input = operation.input;
  if (typeof input !== 'function') return input;
  let schema = built.get(operation) as z.ZodObject<S> | undefined;
  if (schema === undefined) {
    schema = input(zod);
    built.set(operation, schema as unknown as z.ZodObject<z.ZodRawShape>);
  }
  return schema;
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
): Promise<{ output: O; input: OperationInput<S> }> {
  // A schema written as a function loads zod only now, when there is input to parse.
  const schema =
    typeof operation.input === 'function' ? inputSchema(operation, (await import('zod')).z) : operation.input;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new CsError('E_INVALID', `${operation.name}: ${describeIssues(parsed.error.issues)}.`);
  }
  return runParsedOperation(operation, deps, parsed.data);
}

/**
 * Runs an operation on input an adapter has already checked as the schema would (the CLI's
 * quick reads check their flags by hand, so they load no validation library).
 */
export async function runParsedOperation<S extends z.ZodRawShape, O>(
  operation: Operation<S, O>,
  deps: OperationDeps,
  input: OperationInput<S>,
): Promise<{ output: O; input: OperationInput<S> }> {
  // CS_NOW (a drill, a test) sets the time every operation runs at; else the system clock.
  const output = await operation.run({ ...deps, clock: deps.clock ?? clockFromEnv(deps.env) }, input);
  return { output, input };
}
