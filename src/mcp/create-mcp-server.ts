import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { decideApprovalOperation, listApprovalsOperation } from '../operations/approval-operations.js';
import { listTicketsOperation, updateTicketOperation } from '../operations/ticket-operations.js';
import type { RecordStore } from '../store/record-store.js';
import { createCallerScope } from './_caller-scope.js';
import { registerOperationTool } from './_operation-tool.js';
import { registerCallTools } from './call-tools.js';
import { registerResources } from './mcp-resources.js';
import { registerOperatorCallPrompt } from './operator-call-prompt.js';
import { customerScope, registerRecordTools } from './record-tools.js';

/** What the server says about itself when a client connects. */
const INSTRUCTIONS = `Customer-service calls with verification and permission control (客服系统).
Find names with list_records, then start_call; during the call record every turn with record_turn, verify facts with
query_system before stating them, check_permission before agreeing to any action, and end_call to save.
The prompt operator_call sets you up as the operator for a product, strategy and caller.`;

/**
 * The MCP server of the system, not yet connected: the call tools, record lookups, the
 * methodology and permission resources, and the operator prompt, all over one store. The record
 * tools show customers only as the callers of the live calls this server started, unless
 * `admin` (`cs mcp --admin`) opens every customer.
 *
 * @example const server = createMcpServer({ store, env: process.env }); await server.connect(transport);
 */
export function createMcpServer(options: {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  version?: string;
  admin?: boolean;
}): McpServer {
  const server = new McpServer(
    { name: 'customer-service', version: options.version ?? '0.1.0' },
    { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {}, prompts: {} } },
  );
  const scope = createCallerScope({ store: options.store, admin: options.admin === true });
  registerRecordTools(server, options.store, scope);
  registerCallTools(server, options.store, options.env, scope);
  // Tickets after calls: like customer records, only the live callers' unless --admin.
  const customers = customerScope(options.store, scope);
  // Deciding is a supervisor's: only a server started with --admin offers it.
  const approvals =
    options.admin === true ? [listApprovalsOperation, decideApprovalOperation] : [listApprovalsOperation];
  for (const operation of [listTicketsOperation, updateTicketOperation, ...approvals]) {
    registerOperationTool(server, operation, {
      store: options.store,
      env: options.env,
      ...(customers ? { customers } : {}),
    });
  }
  registerResources(server, options.store);
  registerOperatorCallPrompt(server, options.store);
  return server;
}
