import { cp, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsError } from '../../domain/cs-error.js';
import type { CliContext } from '../cli-context.js';

/** `cs mcp`: the MCP server over stdio. Its SDK loads only here. */
export async function mcpCommand(
  ctx: CliContext,
  options: { admin?: boolean } = {},
): Promise<number | undefined> {
  const { serveMcp } = await import('../../mcp/serve-mcp.js');
  await serveMcp({ store: await ctx.store(), env: ctx.env, admin: options.admin === true });
  return undefined;
}

/** The package root: dist/ sits one level below it (bundled), src/cli/commands three (tests). */
async function packageRoot(): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      await stat(resolve(dir, 'skill', 'SKILL.md'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new CsError(
    'E_INTERNAL',
    'The skill/ folder is missing from this installation; reinstall the package.',
  );
}

/** `cs skill install`: copies skill/ and references/ where an assistant looks for skills. */
export async function skillInstallCommand(
  ctx: CliContext,
  options: { dir: string },
): Promise<number | undefined> {
  const root = await packageRoot();
  const target = resolve(ctx.cwd, options.dir);
  await mkdir(target, { recursive: true });
  await cp(resolve(root, 'skill'), target, { recursive: true });
  await cp(resolve(root, 'references'), resolve(target, 'references'), { recursive: true });
  ctx.emit({ installed: target }, () => `技能已安装 Skill installed: ${target}`);
  return undefined;
}
