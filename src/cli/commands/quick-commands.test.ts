import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What a module makes Node load before anything runs: the packages and the source files of the
 * chunks its static imports reach (esbuild splits the bundle as the build does; a dynamic
 * import loads only when a command needs it).
 */
async function eagerLoad(entry: string): Promise<{ packages: Set<string>; sources: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'cs-quick-'));
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outdir: join(dir, 'out'),
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const name = basename(entry);
    const first = Object.keys(outputs).find((k) => outputs[k]?.entryPoint?.endsWith(`/${name}`));
    if (first === undefined) throw new Error(`no output for ${entry}`);
    const chunks = new Set<string>([first]);
    const packages = new Set<string>();
    const visit = (chunk: string) => {
      for (const imp of outputs[chunk]?.imports ?? []) {
        if (imp.kind !== 'import-statement') continue;
        if (!outputs[imp.path]) packages.add(imp.path);
        else if (!chunks.has(imp.path)) {
          chunks.add(imp.path);
          visit(imp.path);
        }
      }
    };
    visit(first);
    const sources = [...chunks].flatMap((chunk) => Object.keys(outputs[chunk]?.inputs ?? {}));
    return { packages, sources };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the quick commands', () => {
  // Start-up is most of what `cs read` and `cs history list` cost: they run operations whose
  // schemas are functions of zod, check their flags by hand, and so never load zod.
  it.each([
    ['cs read and cs list', 'records-read-commands.ts'],
    ['cs history list and show', 'history-commands.ts'],
    ['every command’s flags (what cs --help loads)', '../commands.ts'],
  ])('%s load no package (zod …), no store and no call code at start', async (_what, file) => {
    const { packages, sources } = await eagerLoad(join(import.meta.dirname, file));
    expect(sources.length).toBeGreaterThan(0);
    expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
    // The store opens when the command runs (a dynamic import); shared pure helpers may load.
    const heavy = /^src\/(store\/(fs|postgres|memory|journal)\/|store\/open-store|call\/|agent\/|mcp\/)/;
    expect(sources.filter((s) => heavy.test(s))).toEqual([]);
  });
});
