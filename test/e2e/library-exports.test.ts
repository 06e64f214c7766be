import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-cs.js';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, { types: string; import: string }>;
  types: string;
};

describe('the package as a library', () => {
  it('resolves its public API by name through package.json exports', () => {
    const script = `import('${pkg.name}').then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`;
    const names = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      }),
    ) as string[];
    for (const name of [
      'CsError',
      'CallSession',
      'checkPermission',
      'compileRules',
      'openStore',
      'saveCall',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('names declarations for its types beside the code', () => {
    expect(pkg.exports['.']?.types).toBe(pkg.types);
    // Written by `npm install` / `npm run build` (scripts/build.mjs --types).
    if (existsSync(join(PROJECT_ROOT, pkg.types))) {
      const dts = readFileSync(join(PROJECT_ROOT, pkg.types), 'utf8');
      expect(dts).toMatch(/Product|Customer|Operator/);
    }
  });
});
