#!/usr/bin/env node
// Runs the command line built into dist/cli/: CommonJS scripts compiled with V8's code cache.
// Node 20 keeps no compiled code between runs (22 has module.enableCompileCache), and compiling
// was a good part of every command's start. Each file's cache sits in dist/cli/.cache, named by
// the file it was made from and by what V8 checks it against (its version, its flags); a missing
// or rejected one is written when the process exits, holding every function the run compiled.
// The build writes the first ones with a demo call. The files require each other by name and
// everything else through Node.
//
// This file is CommonJS itself (bin/package.json): an ES module as the entry point makes Node
// start its ES module loader, which nothing else here uses: 28 million instructions (valgrind),
// 8-17 ms of CPU, of every command.
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join, sep } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// V8 runs a regular expression's first match in its bytecode interpreter and compiles it to
// machine code only from the second on. The permission lexicon's and the built-in agent's
// expressions are long alternations that a call runs a few times each, mostly over text they do
// not match, and interpreted, that first run tries every position slowly: compiled at once, the
// bench's 8-line call runs 8 % fewer instructions (valgrind), its engines' first runs a third of
// the time. Set before any code is compiled: the code caches below are made and read under the
// same flags.
setFlagsFromString('--no-regexp-tier-up');

const dir = join(__dirname, '..', 'dist', 'cli') + sep;
const cacheDir = `${dir}.cache/`;
const nodeRequire = createRequire(`${dir}cli.js`);

/** A short hash of the flags V8 checks a cache against (they may come from NODE_OPTIONS too). */
function flagsKey() {
  const flags = `${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`;
  let h = 5381;
  for (let i = 0; i < flags.length; i++) h = (h * 33 + flags.charCodeAt(i)) >>> 0;
  return h.toString(36);
}
const runtime = `${process.version}-${process.arch}-${flagsKey()}`;

const loaded = new Map();
const uncached = [];

/** Loads one of dist/cli's files (`./name.js`) the way Node loads a CommonJS module. */
function load(name) {
  const known = loaded.get(name);
  if (known) return known.exports;
  const file = `${dir}${name}`;
  const module = { exports: {}, id: file, filename: file, loaded: false };
  loaded.set(name, module);
  const { size, mtimeMs } = statSync(file);
  const cacheFile = `${cacheDir}${name}-${size}-${Math.round(mtimeMs)}-${runtime}.code`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet: written at exit
  }
  const source = readFileSync(file, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) uncached.push({ script, cacheFile });
  const require = (id) => (id.startsWith('./') ? load(id.slice(2)) : nodeRequire(id));
  script.runInThisContext()(module.exports, require, module, file, dir.slice(0, -1));
  module.loaded = true;
  return module.exports;
}

process.once('exit', () => {
  if (uncached.length === 0) return;
  // A cache only saves time: a read-only install or a full disk runs without one.
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const { script, cacheFile } of uncached) {
      const temp = `${cacheFile}.${process.pid}`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    }
  } catch {}
});

load('cli.js').main(process.argv.slice(2));
