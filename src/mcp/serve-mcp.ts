import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { RecordStore } from '../store/record-store.js';
import { createMcpServer } from './create-mcp-server.js';

/**
 * `cs mcp`: serves the MCP server over stdio until the client goes away (stdin ends) or the
 * process is told to stop. Resolves when the transport has closed, so the caller can close the
 * store. stdout carries only protocol messages.
 */
export async function serveMcp(options: {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  /** `cs mcp --admin`: the record tools read every customer (see createMcpServer). */
  admin?: boolean;
}): Promise<void> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  // The stdio transport does not notice the end of stdin by itself.
  const stop = () => {
    server.close().catch(() => undefined);
  };
  process.stdin.once('end', stop);
  process.stdin.once('close', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // stdout is the protocol channel: whatever a dependency logs goes to stderr instead.
  const { log, info } = console;
  console.log = console.error;
  console.info = console.error;
  try {
    await server.connect(transport);
    await closed;
  } finally {
    console.log = log;
    console.info = info;
    process.stdin.off('end', stop);
    process.stdin.off('close', stop);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
