#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep the compiled code of dist/ between runs (in the OS temp folder, or
// NODE_COMPILE_CACHE): compiling is a good part of a command's start. Older Node has no such
// cache, and this does nothing there.
module.enableCompileCache?.();
import('../dist/cli.js').then((m) => m.main(process.argv.slice(2)));
