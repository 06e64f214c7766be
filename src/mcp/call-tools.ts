import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CALL_OPERATIONS } from '../operations/call-operations.js';
import type { AnyOperation, OperationDeps } from '../operations/define-operation.js';
import type { RecordStore } from '../store/record-store.js';
import type { CallerScope } from './_caller-scope.js';
import { registerOperationTool } from './_operation-tool.js';

/**
 * The call tools: each one is an operation of `src/operations/` (the same ones `cs session …`,
 * `cs query` and `cs permit` run), so a call run over MCP saves exactly what a CLI-driven call
 * saves. What is MCP's own is the caller scope: the record tools show the callers of the calls
 * started here.
 */
export function registerCallTools(
  server: McpServer,
  store: RecordStore,
  env: NodeJS.ProcessEnv,
  /** Told of each call started and ended here, so the record tools can show its caller. */
  scope?: CallerScope,
): void {
  const deps: OperationDeps = { store, env };
  for (const operation of CALL_OPERATIONS as ReadonlyArray<AnyOperation>) {
    registerOperationTool(server, operation, deps, {
      async before(args) {
        if (operation.name === 'start_call' && typeof args.customer === 'string') {
          await scope?.checkCallerName(args.customer);
        }
      },
      after(args, output) {
        const data = output as Record<string, unknown>;
        if (operation.name === 'start_call') {
          scope?.callStarted(String(data.call_id), String((data.customer as { id: string }).id));
        }
        if (operation.name === 'end_call') scope?.callEnded(String(args.call_id));
      },
    });
  }
}
