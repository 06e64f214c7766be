import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  type AnyOperation,
  inputSchema,
  type OperationDeps,
  operationData,
  runOperation,
} from '../operations/define-operation.js';
import { guarded, toolResult } from './_tool-result.js';

/** What a tool adds around its operation: checks before it runs, bookkeeping after. */
export interface OperationToolHooks {
  before?(args: Record<string, unknown>): Promise<void>;
  after?(args: Record<string, unknown>, output: unknown): void;
}

/**
 * Registers one operation as an MCP tool: its schema is the tool's input, its text and data the
 * tool's answer, and any failure a tool error with its code (see `guarded`).
 *
 * @example registerOperationTool(server, getRecordOperation, { store, env })
 */
export function registerOperationTool(
  server: McpServer,
  operation: AnyOperation,
  deps: OperationDeps,
  hooks: OperationToolHooks = {},
): void {
  server.registerTool(
    operation.name,
    {
      title: operation.title,
      description: operation.description,
      inputSchema: inputSchema(operation, z).shape,
      ...(operation.readOnly ? { annotations: { readOnlyHint: true } } : {}),
    },
    guarded(async (args: Record<string, unknown>) => {
      await hooks.before?.(args);
      const { output, input } = await runOperation(operation, deps, args);
      hooks.after?.(args, output);
      return toolResult(await operation.text(output, input), await operationData(operation, output));
    }),
  );
}
