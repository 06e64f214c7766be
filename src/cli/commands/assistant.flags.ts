import type { CommandSpec } from '../command-spec.js';

// The commands for AI assistants (handlers: assistant-commands.ts).

/** `cs mcp`, `cs skill install`. */
export const ASSISTANT_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['mcp'],
    description: 'serve the MCP tools over stdio for AI assistants',
    options: [
      {
        flags: '--admin',
        description: 'let the tools read every customer, not only the callers of live calls',
      },
    ],
    load: async () => (await import('./assistant-commands.js')).mcpCommand,
  },
  { path: ['skill'], description: 'the skill text for AI assistants' },
  {
    path: ['skill', 'install'],
    description: 'copy skill/ where an assistant looks for skills',
    options: [
      { flags: '--dir <dir>', description: 'target folder', default: '.claude/skills/customer-service' },
    ],
    load: async () => (await import('./assistant-commands.js')).skillInstallCommand,
  },
];
