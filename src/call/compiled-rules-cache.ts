import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperatorPermissions } from '../domain/record-schemas.js';
import {
  type CompiledRules,
  compiledRulesFromJson,
  compiledRulesToJson,
  compileRules,
} from '../permissions/index.js';

// A hash of the permission engine's sources, set by scripts/build.mjs: compiled rules depend on
// the lexicon and the parsers, so a cache from another build is never used. Unset (tests run
// from source): no cache.
declare const __CS_RULES_ENGINE__: string | undefined;
const ENGINE = typeof __CS_RULES_ENGINE__ === 'string' ? __CS_RULES_ENGINE__ : undefined;

/**
 * `compileRules` with a cache in `<db>/.cache/rules/`, keyed by a hash of the permissions (and
 * checked against them): compiling a product's rules loads the Chinese word segmenter and the
 * lexicon's larger regular expressions, a good part of a short `cs call`'s start-up. Any problem
 * with the cache (missing, unreadable, another build, no space) falls back to compiling.
 */
export function cachedCompileRules(dbFolder: string | undefined): (p: OperatorPermissions) => CompiledRules {
  if (ENGINE === undefined || dbFolder === undefined) return compileRules;
  const engine = ENGINE;
  return (permissions) => {
    const text = JSON.stringify(permissions);
    const key = createHash('sha256').update(engine).update('\n').update(text).digest('hex').slice(0, 32);
    const dir = join(dbFolder, '.cache', 'rules');
    const file = join(dir, `${key}.json`);
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as { permissions?: unknown; compiled?: unknown };
      // The hash names the file; the permissions inside are compared too, so a collision or an
      // edited file can never give another product's rules.
      if (JSON.stringify(cached.permissions) === text) {
        const rules = compiledRulesFromJson(cached.compiled, engine);
        if (rules) return rules;
      }
    } catch {
      // no usable cache: compile
    }
    const rules = compileRules(permissions);
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ permissions, compiled: compiledRulesToJson(rules, engine) }));
      renameSync(tmp, file);
    } catch {
      // a read-only or full disk only costs the next process a compile
    }
    return rules;
  };
}
