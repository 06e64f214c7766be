// Bundles src/ into dist/ with esbuild: one chunk per lazily loaded command keeps `cs read`
// from paying for the LLM or MCP code. Type checking is `tsc --noEmit` (npm test).
// Builds into a fresh folder and swaps it in, so a process running the old build never finds
// dist/ half-written.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = new URL('..', import.meta.url);
const next = new URL(`dist.next-${process.pid}/`, root);
const old = new URL(`dist.old-${process.pid}/`, root);
const dist = new URL('dist/', root);

/** A hash of the sources compiled rules depend on (src/permissions, the language helpers). */
function rulesEngineHash() {
  const hash = createHash('sha256');
  const dir = new URL('src/permissions/', root);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => new URL(f, dir));
  for (const file of [...files, new URL('src/domain/language.ts', root)]) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * zod re-exports all its locales (`z.locales`, 370 KB, more than half of the zod chunk every
 * writing command loads) through namespaces, which the bundler cannot trim. Nothing here sets a
 * locale but the English default zod registers itself, so only that one is bundled.
 */
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(b) {
    const namespace = 'zod-locales';
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)
        ? { path: fileURLToPath(new URL('../locales/en.js', `file://${args.importer}`)), namespace }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: fileURLToPath(new URL('.', `file://${args.path}`)),
    }));
  },
};

/**
 * Built-in modules dependencies load when they load but use only in paths cs never takes,
 * required instead when first used: commander's `child_process` (with `net`, `dgram` and their
 * streams, about 4 ms of every command's start) spawns subcommands that are executables of
 * their own, which cs has none of; pg's `dns` (about 1 ms) resolves hosts for the native
 * driver, which cs does not use; pg's Web Crypto, loaded for password logins. A dependency
 * whose line differs is bundled as it is, with a warning.
 */
const LAZY_BUILTINS = [
  {
    file: /[\\/]commander[\\/]lib[\\/]command\.js$/,
    eager: "const childProcess = require('node:child_process');",
    lazy: "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };",
  },
  {
    file: /[\\/]pg[\\/]lib[\\/]connection-parameters\.js$/,
    eager: "const dns = require('dns')",
    lazy: "const dns = { lookup: (...a) => require('dns').lookup(...a) }",
  },
  // pg's password hashing takes Web Crypto's `subtle` when it loads, which loads all of Node's
  // Web Crypto (about 8 ms of every PostgreSQL command's start); only a password login uses it.
  {
    file: /[\\/]pg[\\/]lib[\\/]client\.js$/,
    eager: "const crypto = require('./crypto/utils')",
    lazy: "const crypto = new Proxy({}, { get: (_, k) => require('./crypto/utils')[k] })",
  },
  {
    file: /[\\/]pg[\\/]lib[\\/]crypto[\\/]sasl\.js$/,
    eager: "const crypto = require('./utils')",
    lazy: "const crypto = new Proxy({}, { get: (_, k) => require('./utils')[k] })",
  },
  // proper-lockfile's signal-exit 3 checks one argument with `assert` (3 ms to load, on every
  // command that locks): it is loaded only to throw, when the check fails.
  {
    file: /[\\/]signal-exit[\\/]index\.js$/,
    eager: "var assert = require('assert')",
    lazy: "var assert = { equal: (a, b, m) => { if (a != b) require('assert').equal(a, b, m) } }",
  },
];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    for (const { file, eager, lazy } of LAZY_BUILTINS) {
      b.onLoad({ filter: file }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(eager)) {
          console.warn(`build: ${args.path} no longer has "${eager}"; it stays eager`);
          return undefined;
        }
        return { contents: source.replace(eager, lazy), loader: 'js' };
      });
    }
  },
};

/**
 * `import { createHash } from 'node:crypto'` makes Node build an ES module facade of the whole
 * crypto module, which reads every export, `webcrypto` among them: that getter loads all of Web
 * Crypto, about 8 ms of the start of every command that hashes anything. Our own imports of it
 * are bundled as a CommonJS `require`, whose named exports are read only when used; and required
 * only when one is first read: the crypto module itself (twenty-odd internal modules) is a few ms
 * more of the start of every command that loads the store, which wants random names and hashes
 * only when it writes or locks.
 */
const cryptoAsRequire = {
  name: 'crypto-as-require',
  setup(b) {
    const namespace = 'crypto-as-require';
    b.onResolve({ filter: /^(?:node:)?crypto$/ }, (args) =>
      args.importer.includes(`${fileURLToPath(root)}src`) ? { path: 'node:crypto', namespace } : undefined,
    );
    const names = Object.keys(createRequire(import.meta.url)('node:crypto'));
    const getters = names.map((n) => `get ${n}() { return crypto().${n}; }`);
    b.onLoad({ filter: /.*/, namespace }, () => ({
      contents: `let loaded;\nconst crypto = () => (loaded ??= require('node:crypto'));\nmodule.exports = { ${getters.join(', ')} };`,
      loader: 'js',
    }));
  },
};

/** Left to Node by the command line as well: optional drivers and the heavy, lazily loaded SDKs. */
const CLI_EXTERNAL = [
  // pg's optional drivers, required only where they are used (libpq bindings, Cloudflare).
  'pg-native',
  'pg-cloudflare',
  'ai',
  '@ai-sdk/*',
  '@modelcontextprotocol/sdk',
  '@modelcontextprotocol/sdk/*',
];
/**
 * The library leaves the lock and atomic-write packages to Node too. The command line bundles
 * them, in chunks of their own still loaded at the first lock or durable write: every call locks
 * and writes, and required through Node they (graceful-fs, retry and signal-exit with them) were
 * compiled with no code cache, about 10 ms of a call's CPU.
 */
const EXTERNAL = [...CLI_EXTERNAL, 'proper-lockfile', 'write-file-atomic'];
const DEFINE = {
  __CS_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version),
  // Names this build of the permission engine: caches of compiled rules from another build are ignored.
  __CS_RULES_ENGINE__: JSON.stringify(rulesEngineHash()),
};

// The library: ES modules, one chunk per lazily loaded part.
await build({
  entryPoints: { index: 'src/index.ts' },
  plugins: [englishOnlyZodLocales, lazyBuiltins, cryptoAsRequire],
  outdir: next.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Small runtime dependencies are bundled: resolving dozens of ESM files (zod, commander) costs
  // more start-up time than parsing them. So is pg: its twenty-odd CommonJS files, each resolved,
  // read and wrapped on its own, cost a PostgreSQL command about 10 ms of CPU more than one chunk.
  // Heavy, lazily loaded SDKs stay external.
  external: [...EXTERNAL, '@faker-js/faker'],
  banner: {
    // Bundled CommonJS code may call require() for built-ins.
    js: "import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  define: DEFINE,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

/**
 * The command line's faker (ESM only, which Node before 20.19 cannot require, and 0.5 MB that
 * only `cs create --mock` uses) is bundled apart, with only what src/mock imports.
 */
const fakerApart = {
  name: 'faker-apart',
  setup(b) {
    b.onResolve({ filter: /^@faker-js\/faker$/ }, () => ({ path: './faker.js', external: true }));
  },
};

/**
 * The command line, for bin/cs.js: chunks as the library's, each then made a CommonJS script,
 * which bin/cs.js compiles with V8's code cache. Node 20 keeps no compiled code of ES modules
 * between runs (22 has module.enableCompileCache), and on a call, loading the 40-odd chunks it
 * needs as ES modules took about a third of the process's CPU time. A command still loads only
 * its own chunks. Whitespace and comments go: every command reads and decodes what it loads.
 */
async function buildCli(into) {
  const esm = `${into}esm/`;
  const options = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    logLevel: 'warning',
  };
  await build({
    ...options,
    stdin: {
      contents: "export { base, en, Faker, zh_CN } from '@faker-js/faker';",
      resolveDir: fileURLToPath(root),
    },
    format: 'esm',
    outfile: `${esm}faker.js`,
  });
  await build({
    ...options,
    entryPoints: { cli: 'src/cli/main.ts' },
    plugins: [englishOnlyZodLocales, lazyBuiltins, cryptoAsRequire, fakerApart],
    outdir: esm,
    splitting: true,
    format: 'esm',
    external: CLI_EXTERNAL,
    define: DEFINE,
    chunkNames: '[name]-[hash]',
  });
  for (const name of readdirSync(esm)) {
    const source = readFileSync(`${esm}${name}`, 'utf8');
    const { code } = await transform(source, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minifyWhitespace: true,
      // `import()` becomes `require`, which a script compiled by node:vm can call.
      supported: { 'dynamic-import': false },
      define: { 'import.meta.url': '__csImportMetaUrl' },
      banner: source.includes('import.meta')
        ? "const __csImportMetaUrl = require('node:url').pathToFileURL(__filename).href;"
        : '',
    });
    writeFileSync(`${into}${name}`, code);
  }
  // No package.json here: `cs serve`, `cs assistant` and MCP find the package's root (and
  // dist/web, skill/, references/) by the first package.json above their own file.
  rmSync(esm, { recursive: true });
}
await buildCli(`${next.pathname}cli/`);

// `--types` (npm install, npm run build) also writes the library's declarations to dist/types,
// for `import … from 'customer-service'`; the test setup skips them to start faster.
if (process.argv.includes('--types')) {
  const tsc = fileURLToPath(new URL('node_modules/typescript/bin/tsc', root));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json', '--outDir', `${next.pathname}types`], {
    cwd: fileURLToPath(root),
    stdio: 'inherit',
  });
}
try {
  renameSync(dist, old);
} catch {
  // no previous build
}
if (!process.argv.includes('--types')) {
  // Keep the declarations the last full build wrote.
  try {
    renameSync(new URL('types/', old), new URL('types/', next));
  } catch {
    // none yet
  }
}
// The pages (dist/web) are Vite's build (npm run build:web), not this one's: keep them.
try {
  renameSync(new URL('web/', old), new URL('web/', next));
} catch {
  // not built yet
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });

/**
 * Writes bin/cs.js's first code cache with what people run most, a call: the process that finds
 * no cache writes one at its exit holding every function it compiled. A failure here only means
 * the first command a user runs writes it instead.
 */
async function warmCompileCache() {
  const { createRecord, openStore } = await import(new URL('dist/index.js', root).href);
  const data = JSON.parse(readFileSync(new URL('scripts/demo-data.json', root), 'utf8'));
  const home = mkdtempSync(join(tmpdir(), 'cs-build-'));
  try {
    const db = join(home, 'db');
    const store = await openStore({ db, env: {} });
    await createRecord(store, 'product', data.product);
    for (const c of data.customers) await createRecord(store, 'customer', c);
    await createRecord(store, 'operator', data.operator);
    await store.close();
    const cs = fileURLToPath(new URL('bin/cs.js', root));
    const call = ['call', '--db', db, '--product', data.product.name, '--operator', data.operator.name];
    execFileSync(process.execPath, [cs, ...call, '--phone', data.customers[0].phone, '--agent', 'rules'], {
      input: `${data.turns.join('\n')}\n`,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  } catch (error) {
    console.warn(`build: no code cache written (${error.message.split('\n')[0]})`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
await warmCompileCache();
