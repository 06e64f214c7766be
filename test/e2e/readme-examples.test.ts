import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  pgSuiteTitle,
  TEST_DATABASE_URL,
  warnPgSkipped,
} from '../contract/pg-test-schema.js';
import { PROJECT_ROOT, runCs, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';

/** One `cs …` example of README.md, parsed as a shell would. */
interface Example {
  /** The example as written (continuation lines joined). */
  line: string;
  /** `NAME=value` words before `cs`. */
  env: Record<string, string>;
  /** Arguments after `cs`. */
  args: string[];
  /** stdin, from `printf '…' | cs …`. */
  input?: string;
  /** The exit code the example's comment documents (`exit 2`), else 0. */
  expected: number;
}

/** Splits a shell line into words, quotes and escapes resolved; `|`, `&&` and `#…` end words. */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const push = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let text = '';
      i++;
      while (line[i] !== '"') {
        if (line[i] === '\\' && '$`"\\'.includes(line[i + 1] ?? '')) i++;
        text += line[i];
        i++;
      }
      word = (word ?? '') + text;
      i++;
    } else if (c === '\\') {
      word = (word ?? '') + (line[i + 1] ?? '');
      i += 2;
    } else if (/\s/.test(c)) {
      push();
      i++;
    } else if (c === '#' && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if (c === '|' || c === '&') {
      push();
      const op = line.startsWith('&&', i) ? '&&' : c;
      words.push(op);
      i += op.length;
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  push();
  return { words, comment: '' };
}

/** `printf`'s escapes, enough for the README (`\n`). */
function printfText(format: string): string {
  return format.replaceAll('\\n', '\n').replaceAll('\\t', '\t');
}

/** Every `cs` example of the README's ```bash blocks, in order. */
function readmeExamples(readme: string): Example[] {
  const examples: Example[] = [];
  for (const block of readme.matchAll(/```bash\n([\s\S]*?)```/g)) {
    const lines = (block[1] as string).replace(/\\\n\s*/g, ' ').split('\n');
    for (const raw of lines) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const { words, comment } = shellWords(line);
      let input: string | undefined;
      let rest = words;
      if (words[0] === 'printf' && words[2] === '|') {
        input = printfText(words[1] as string);
        rest = words.slice(3);
      }
      const env: Record<string, string> = {};
      while (rest[0] !== undefined && /^[A-Z_][A-Z0-9_]*=/.test(rest[0])) {
        const [name, ...value] = rest[0].split('=');
        env[name as string] = value.join('=');
        rest = rest.slice(1);
      }
      if (rest[0] !== 'cs' || rest.includes('|') || rest.includes('&&')) continue;
      const documented = /\bexit (\d)\b/.exec(comment);
      examples.push({
        line,
        env,
        args: rest.slice(1),
        ...(input === undefined ? {} : { input }),
        expected: documented ? Number(documented[1]) : 0,
      });
    }
  }
  return examples;
}

/** Why an example is not run here; undefined when it is. */
function skipReason(example: Example): string | undefined {
  const [command] = example.args;
  if (command === 'mock-server') return 'a long-running HTTP server (tested in cli-edges.test.ts)';
  if (command === 'mcp') return 'an MCP server on stdio (tested in mcp-call.test.ts)';
  if (command === 'serve')
    return 'a long-running HTTP server (tested in serve-cli.test.ts and test/browser/)';
  if (command === 'create' && example.args.length === 2)
    return 'prompts for every field in a terminal (tested in terminal.test.ts)';
  if (example.line.includes('postgres://') && !TEST_DATABASE_URL)
    return 'needs PostgreSQL: set CS_TEST_DATABASE_URL';
  return undefined;
}

const readme = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
const examples = readmeExamples(readme);
/**
 * The first example that runs goes through a real `cs` process, as a reader types it; the others
 * run in this process (the same built code, streams, environment, folder and exit code), which
 * saves a Node start and a load of the code for each of about 90.
 */
const firstRun = examples.find((e) => skipReason(e) === undefined);

warnPgSkipped('README examples with postgres:// URLs');

describe(pgSuiteTitle('README.md examples'), () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  /** The working folder: the demo database is its `.ezagent/database/customer_service`. */
  let cwd: string;
  let db: string;
  const schema = freshSchemaName();
  const pgUrl = TEST_DATABASE_URL
    ? `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}schema=${schema}`
    : undefined;
  /** Values the examples leave as placeholders, learnt from earlier examples' output. */
  const learnt: Record<string, string> = {};

  beforeAll(async () => {
    tmp = await tempDb();
    cwd = tmp.dir;
    db = join(cwd, '.ezagent', 'database', 'customer_service');
    await mkdir(join(cwd, '.ezagent', 'database'), { recursive: true });
    // As a reader would: in a checkout, where `references/sample-product.json` is.
    await symlink(join(PROJECT_ROOT, 'references'), join(cwd, 'references'));
    // `cs eval eval/calls.json` examples run the project's own suite.
    await symlink(join(PROJECT_ROOT, 'eval'), join(cwd, 'eval'));
    // The demo database, made by the demo itself (records and mock state, no call yet).
    await promisify(execFile)(process.execPath, [
      join(PROJECT_ROOT, 'scripts', 'demo.mjs'),
      db,
      '--seed-only',
    ]);
    const operator = await runCsInProcess(['read', 'operator', '--name', 'HEAR策略', '--json'], { cwd });
    learnt.operatorId = JSON.parse(operator.stdout)._id;
    if (pgUrl) {
      // The PostgreSQL examples start from the same records.
      const migrated = await runCsInProcess(['migrate', '--from', db, '--to', pgUrl], { cwd });
      expect(migrated.code, migrated.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await tmp.cleanup();
    if (pgUrl) await dropSchema(schema);
  });

  /** The example's arguments with its placeholders replaced by this database's values. */
  async function substitute(args: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const arg of args) {
      let value = arg
        .replace('/tmp/cs-demo-…/customer_service', db)
        .replace(/^f90ec0b9$/, learnt.operatorId ?? arg)
        .replace(/^(?:live|call)_…$/, learnt.liveId ?? arg)
        .replace(/^cs_20261125_001_abc123$/, learnt.savedSession ?? arg)
        .replace(/^TK…$/, learnt.ticketId ?? arg)
        .replace(/^ap_…$/, learnt.approvalId ?? arg);
      if (pgUrl) value = value.replace(/^postgres:\/\/.*$/, pgUrl);
      if (value === '<trash_id>') {
        const trash = JSON.parse((await runCsInProcess(['restore', '--json'], { cwd })).stdout) as Array<{
          trash_id: string;
        }>;
        value = trash[0]?.trash_id ?? value;
      }
      out.push(value);
    }
    return out;
  }

  it('finds the examples of every section', () => {
    const commands = new Set(examples.map((e) => e.args[0]));
    for (const command of ['create', 'read', 'update', 'delete', 'restore', 'list', 'doctor', 'permit']) {
      expect(commands).toContain(command);
    }
    for (const command of ['query', 'mock', 'call', 'session', 'history', 'recover', 'migrate', 'export']) {
      expect(commands).toContain(command);
    }
    expect(examples.length).toBeGreaterThan(40);
  });

  it.each(examples.map((e, i) => [i + 1, e.line, e] as const))(
    'example %i runs as written: %s',
    async (_n, _line, example) => {
      const reason = skipReason(example);
      if (reason !== undefined) {
        console.info(`[skip] ${example.line}: ${reason}`);
        expect(reason).toBeTruthy();
        return;
      }
      const args = await substitute(example.args);
      // A placeholder left (`<id>`, `[--flag]`, `...`) would not run for a reader either.
      for (const arg of args) expect(arg, example.line).not.toMatch(/^<[^>]+>$|^\[--|_…$|\.\.\./);
      const result = await (example === firstRun ? runCs : runCsInProcess)(args, {
        cwd,
        env: example.env,
        ...(example.input === undefined ? {} : { input: example.input }),
      });
      expect(result.code, `${example.line}\n${result.stderr}`).toBe(example.expected);
      if (example.expected !== 0) expect(result.stderr.trim().split('\n')).toHaveLength(1);
      const live = /(?:live|call)_[0-9a-f]{10}/.exec(result.stdout)?.[0];
      if (args[0] === 'session' && args[1] === 'start' && live) learnt.liveId = live;
      const saved = /cs_\d{8}_\d{3}_abc123/.exec(result.stdout)?.[0];
      if (args[0] === 'session' && args[1] === 'save' && saved) learnt.savedSession = saved;
      const ticket = /TK\d{8}-[0-9A-F]{6}/.exec(result.stdout)?.[0];
      if (args[0] === 'tickets' && args[1] === 'list' && ticket) learnt.ticketId ??= ticket;
      const approval = /ap_[0-9a-f]{12}/.exec(result.stdout)?.[0];
      if (args[0] === 'approvals' && args[1] === 'list' && approval) learnt.approvalId ??= approval;
    },
  );
});

describe('docs/jsonl-events.md', () => {
  it('describes every event type cs call --jsonl emits', async () => {
    const schemas = await readFile(join(PROJECT_ROOT, 'src', 'domain', 'session-schemas.ts'), 'utf8');
    const callEvent = schemas.slice(schemas.indexOf('export type CallEvent'));
    const types = [...callEvent.slice(0, callEvent.indexOf('\n\n')).matchAll(/type: '([a-z_]+)'/g)].map(
      (m) => m[1],
    );
    expect(types).toEqual(expect.arrayContaining(['grant', 'action', 'guard', 'session_saved']));
    const doc = await readFile(join(PROJECT_ROOT, 'docs', 'jsonl-events.md'), 'utf8');
    for (const type of types) expect(doc, type).toContain(`## \`${type}\``);
    expect(readme).toContain('docs/jsonl-events.md');
  });
});
