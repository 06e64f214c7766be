// Bundles src/ into dist/ with esbuild: one chunk per lazily loaded command keeps `cs read`
// from paying for the LLM or MCP code. Type checking is `tsc --noEmit` (npm test).
// Builds into a fresh folder and swaps it in, so a process running the old build never finds
// dist/ half-written.
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const next = new URL(`dist.next-${process.pid}/`, root);
const old = new URL(`dist.old-${process.pid}/`, root);
const dist = new URL('dist/', root);

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: next.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Small runtime dependencies are bundled: resolving dozens of ESM files (zod, commander) costs
  // more start-up time than parsing them. Heavy, lazily loaded SDKs stay external.
  external: [
    'pg',
    'proper-lockfile',
    'write-file-atomic',
    'ai',
    '@ai-sdk/*',
    '@modelcontextprotocol/sdk',
    '@modelcontextprotocol/sdk/*',
    '@faker-js/faker',
  ],
  banner: {
    // Bundled CommonJS code may call require() for built-ins.
    js: "import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  define: {
    __CS_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version),
  },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
