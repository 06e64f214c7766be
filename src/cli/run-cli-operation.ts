import type { z } from 'zod';
import {
  type Operation,
  type OperationDeps,
  type OperationInput,
  operationData,
  runOperation,
  runParsedOperation,
} from '../operations/define-operation.js';
import type { CliContext } from './cli-context.js';
import { StreamWriter } from './stream-writer.js';

/** What a command adds to an operation's dependencies (a terminal's yes/no question). */
type CliDeps = Pick<OperationDeps, 'confirm'>;

/**
 * Runs an operation for a command: its flags, already named as the operation's snake_case input,
 * are parsed by the operation's schema; the result is printed as data with --json, else as the
 * text a person reads.
 *
 * @example await runCliOperation(ctx, recordTurnOperation, { call_id, role: 'agent', content })
 */
export async function runCliOperation<S extends z.ZodRawShape, O>(
  ctx: CliContext,
  operation: Operation<S, O>,
  input: Record<string, unknown>,
  deps: CliDeps = {},
): Promise<O> {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const ran = await runOperation(operation, { store: await ctx.store(), env: ctx.env, ...deps }, defined);
  await printResult(ctx, operation, ran.output, ran.input);
  return ran.output;
}

/**
 * Runs an operation on input the command has checked itself, flag by flag, with errors that
 * name the flags: the quick reads (`cs read`, `cs list`, `cs history list`) so load no
 * validation library.
 */
export async function runCheckedCliOperation<S extends z.ZodRawShape, O>(
  ctx: CliContext,
  operation: Operation<S, O>,
  input: OperationInput<S>,
): Promise<O> {
  const { output } = await runParsedOperation(operation, { store: await ctx.store(), env: ctx.env }, input);
  await printResult(ctx, operation, output, input);
  return output;
}

/** The result on stdout (streamed when the operation writes it piece by piece), a note on stderr. */
async function printResult<S extends z.ZodRawShape, O>(
  ctx: CliContext,
  operation: Operation<S, O>,
  output: O,
  input: OperationInput<S>,
): Promise<void> {
  const json = ctx.options.json === true;
  if (operation.write) {
    const out = new StreamWriter(ctx.stdout);
    await operation.write(output, input, out, { json });
    await out.end();
  } else if (json) {
    ctx.emit(await operationData(operation, output), () => '');
  } else {
    const text = await operation.text(output, input);
    ctx.emit(undefined, () => text);
  }
  const note = operation.note?.(output, input);
  if (note !== undefined) ctx.note(note);
}
