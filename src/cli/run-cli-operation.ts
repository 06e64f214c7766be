import type { z } from 'zod';
import { type Operation, operationData, runOperation } from '../operations/define-operation.js';
import type { CliContext } from './cli-context.js';

/**
 * Runs an operation for a command: its flags, already named as the operation's snake_case input,
 * are parsed by the operation's schema; the result is printed as data with --json, else as the
 * text a person reads.
 */
export async function runCliOperation<S extends z.ZodRawShape, O>(
  ctx: CliContext,
  operation: Operation<S, O>,
  input: Record<string, unknown>,
): Promise<O> {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const { output, input: parsed } = await runOperation(
    operation,
    { store: await ctx.store(), env: ctx.env },
    defined,
  );
  ctx.emit(operationData(operation, output), () => operation.text(output, parsed));
  return output;
}
