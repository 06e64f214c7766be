import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/operations/dashboard-operations.js';
import { openStore } from '../../src/store/open-store.js';
import {
  type FakeChatRequest,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../fixtures/fake-openai-server.js';
import { parseEvents, SHARED, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';

// `cs eval` as a user runs it: small suites over the public suite's records, written to a temp
// folder; every run is the built `cs` (dist/) in the test process, with its own folder, streams and
// exit code (eval-matches-call.test.ts runs `cs eval` as a process of its own).

type Scenario = Record<string, unknown>;
type Result = {
  type: 'result';
  name: string;
  trial: number;
  passed: boolean;
  checks: Array<{ check: string; kind: string; turn?: number; passed: boolean; reason?: string }>;
};
type Summary = {
  type: 'summary';
  scenarios: number;
  runs: number;
  passed: number;
  rate: number;
  pass_k: Record<string, number>;
  by_kind: Record<string, { passed: number; of: number }>;
};

/** The public suite's records (four products, five customers, one operator). */
const RECORDS = join(SHARED, 'eval', 'records.json');
const QUESTION = '回收站里的东西能放多久？';

/** Answered from the product's FAQ without any action: passes with the built-in agent. */
const QUIET_QUESTION: Scenario = {
  name: 'quiet question about the bin',
  product: '云盘会员',
  phone: '13700001111',
  turns: [QUESTION, '结束通话'],
  expect: { quiet_turns: [0], reply_any: [{ turn: 0, any: ['30天'] }] },
};
/** A known caller is not a cold start: passes. */
const KNOWN_CALLER: Scenario = {
  name: 'known caller is recognised',
  product: '云盘会员',
  phone: '13700001111',
  turns: ['你好', '结束通话'],
  expect: { cold_start: false },
};
/** Fails whatever the agent says: no reply contains the text, and turn 5 is never reached. */
const FAILS_ON_PURPOSE: Scenario = {
  name: 'fails on purpose',
  product: '云盘会员',
  phone: '13700001111',
  turns: [QUESTION, '结束通话'],
  expect: { reply_any: [{ turn: 0, any: ['这句话不会出现'] }], quiet_turns: [5] },
};
const SMALL_SUITE = [QUIET_QUESTION, KNOWN_CALLER, FAILS_ON_PURPOSE];

let tmp: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  tmp = await tempDb();
});
afterAll(async () => tmp?.cleanup());

let folders = 0;
/**
 * A folder with a copy of the records and the given files (objects are written as JSON, strings
 * as they are), so each case reads only what it wrote.
 */
async function suiteFolder(files: Record<string, unknown>): Promise<string> {
  const dir = join(tmp.dir, `suite-${++folders}`);
  await mkdir(dir, { recursive: true });
  await copyFile(RECORDS, join(dir, 'records.json'));
  for (const [name, body] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return dir;
}

function suite(scenarios: Scenario[], records = 'records.json') {
  return { about: 'eval e2e', records, scenarios };
}

function evalCs(dir: string, args: string[], env?: NodeJS.ProcessEnv) {
  return runCsInProcess(['eval', ...args], { cwd: dir, timeoutMs: 60_000, ...(env ? { env } : {}) });
}

/** `--jsonl` output split into its results and its one summary (the summary comes last). */
function jsonl(stdout: string): { results: Result[]; summary: Summary } {
  const lines = parseEvents(stdout);
  const last = lines.at(-1);
  expect(last?.type).toBe('summary');
  expect(lines.slice(0, -1).every((l) => l.type === 'result')).toBe(true);
  return { results: lines.slice(0, -1) as unknown as Result[], summary: last as unknown as Summary };
}

describe('cs eval: a bad suite is one line naming the file, the scenario and the field; exit 2; nothing runs', () => {
  // Each suite starts with a valid scenario, so a run that began before the check would print its result.
  const bad = (scenario: Scenario) => suite([QUIET_QUESTION, scenario]);
  const base = { name: 'the bad one', product: '云盘会员', phone: '13700001111', turns: [QUESTION] };
  const cases: Array<{ case: string; files: Record<string, unknown>; args?: string[]; says: string[] }> = [
    {
      case: 'the suite is not JSON',
      files: { 'suite.json': '{"records": "records.json", "scenarios": [' },
      says: ['suite.json', 'not JSON'],
    },
    {
      case: 'the records are not JSON',
      files: { 'suite.json': suite([QUIET_QUESTION], 'broken.json'), 'broken.json': '{"products": [' },
      says: ['broken.json', 'not JSON'],
    },
    {
      case: 'a scenario has an unknown field',
      files: { 'suite.json': bad({ ...base, caller_mood: 'angry', expect: {} }) },
      says: ['suite.json', 'scenario "the bad one"', 'caller_mood'],
    },
    {
      case: 'expect has an unknown check',
      files: { 'suite.json': bad({ ...base, expect: { quiet_turn: [0] } }) },
      says: ['suite.json', 'scenario "the bad one"', 'expect', 'quiet_turn'],
    },
    {
      case: 'the product is not in the records',
      files: { 'suite.json': bad({ ...base, product: '不存在的产品', expect: {} }) },
      says: ['suite.json', 'scenario "the bad one"', 'product', '不存在的产品'],
    },
    {
      case: 'a mock names an interface the product does not have',
      files: { 'suite.json': bad({ ...base, mock: { booking: { seat: '12A' } }, expect: {} }) },
      says: ['suite.json', 'scenario "the bad one"', 'mock.booking'],
    },
    {
      case: 'queried names an interface the product does not have',
      files: {
        'suite.json': bad({ ...base, expect: { queried: [{ turn: 0, any_of: ['shipment'] }] } }),
      },
      says: ['suite.json', 'scenario "the bad one"', 'expect.queried', 'shipment'],
    },
    {
      case: 'two scenarios share a name',
      files: { 'suite.json': bad({ ...QUIET_QUESTION, turns: ['你好'] }) },
      says: ['suite.json', `scenario "${QUIET_QUESTION.name}"`, 'name'],
    },
    {
      case: '--report names neither .md nor .html',
      files: { 'suite.json': suite([QUIET_QUESTION]) },
      args: ['--report', 'report.txt'],
      says: ['--report', 'report.txt'],
    },
    {
      case: '--db is a folder',
      files: { 'suite.json': suite([QUIET_QUESTION]) },
      args: ['--db', 'db'],
      says: ['--db', 'postgres://', '"memory"'],
    },
  ];

  it.each(cases)('$case', async ({ files, args = [], says }) => {
    const dir = await suiteFolder(files);
    // An existing, empty folder: the --db case must leave it so.
    await mkdir(join(dir, 'db'));
    const before = (await readdir(dir, { recursive: true })).sort();

    const r = await evalCs(dir, ['suite.json', '--jsonl', ...args]);

    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const text of says) expect(lines[0]).toContain(text);
    // Nothing written either: no report, nothing in the folder given as --db.
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);
  });
});

describe('cs eval --jsonl', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await suiteFolder({ 'suite.json': suite(SMALL_SUITE) });
  });

  it('prints one result per scenario run, then one summary (EVAL.md "Results")', async () => {
    const r = await evalCs(dir, ['suite.json', '--jsonl']);
    expect(r.code, r.stderr).toBe(0);
    const { results, summary } = jsonl(r.stdout);

    expect(results.map((x) => x.name).sort()).toEqual(SMALL_SUITE.map((s) => s.name).sort());
    const byName = new Map(results.map((x) => [x.name, x]));
    expect(byName.get(QUIET_QUESTION.name as string)).toMatchObject({
      type: 'result',
      trial: 1,
      passed: true,
      checks: [
        { check: 'quiet_turns', kind: 'restraint', turn: 0, passed: true },
        { check: 'reply_any', kind: 'verification', turn: 0, passed: true },
      ],
    });
    expect(byName.get(KNOWN_CALLER.name as string)).toMatchObject({
      passed: true,
      checks: [{ check: 'cold_start', kind: 'memory', passed: true }],
    });
    const failed = byName.get(FAILS_ON_PURPOSE.name as string);
    expect(failed?.passed).toBe(false);
    // Each failing check says why in one line.
    expect(failed?.checks).toHaveLength(2);
    for (const check of failed?.checks ?? []) {
      expect(check.passed).toBe(false);
      expect(check.reason).toMatch(/\S/);
      expect(check.reason).not.toContain('\n');
    }
    expect(failed?.checks.find((c) => c.check === 'quiet_turns')?.reason).toContain('never reached turn 5');
    expect(failed?.checks.find((c) => c.check === 'reply_any')?.reason).toContain('这句话不会出现');

    expect(summary).toEqual({
      type: 'summary',
      scenarios: 3,
      runs: 3,
      passed: 2,
      rate: 0.6667,
      pass_k: { '1': 0.6667 },
      by_kind: {
        verification: { passed: 1, of: 2 },
        restraint: { passed: 1, of: 2 },
        memory: { passed: 1, of: 1 },
      },
    });
  });

  it('--db memory runs the same calls in memory: the same results, nothing written', async () => {
    const onFolders = jsonl((await evalCs(dir, ['suite.json', '--jsonl'])).stdout);
    const before = (await readdir(dir, { recursive: true })).sort();
    const r = await evalCs(dir, ['suite.json', '--jsonl', '--db', 'memory']);
    expect(r.code, r.stderr).toBe(0);
    const inMemory = jsonl(r.stdout);
    expect(inMemory.summary).toEqual(onFolders.summary);
    const byName = (x: typeof inMemory) => [...x.results].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(inMemory)).toEqual(byName(onFolders));
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);
  });

  it('--trials 2 runs every scenario twice and gives pass^1 and pass^2', async () => {
    const r = await evalCs(dir, ['suite.json', '--jsonl', '--trials', '2']);
    expect(r.code, r.stderr).toBe(0);
    const { results, summary } = jsonl(r.stdout);
    expect(results).toHaveLength(6);
    for (const s of SMALL_SUITE) {
      const runs = results.filter((x) => x.name === s.name);
      expect(runs.map((x) => x.trial).sort()).toEqual([1, 2]);
    }
    expect(Object.keys(summary.pass_k).sort()).toEqual(['1', '2']);
    // The built-in agent is deterministic: a scenario passes both runs or neither, so pass^2 = pass^1.
    expect(summary).toMatchObject({ scenarios: 3, runs: 6, passed: 4, pass_k: { '1': 0.6667, '2': 0.6667 } });
  });

  it('--min exits 1 when the pass rate is below it and 0 when it is met', async () => {
    const below = await evalCs(dir, ['suite.json', '--jsonl', '--min', '0.7']);
    expect(below.code, below.stderr).toBe(1);
    // The results are still printed: the exit code is the verdict, not a crash.
    expect(jsonl(below.stdout).summary.rate).toBe(0.6667);
    const met = await evalCs(dir, ['suite.json', '--jsonl', '--min', '60%']);
    expect(met.code, met.stderr).toBe(0);
  });

  it('--publish records the scores in the team database for the console, and only there', async () => {
    const team = join(dir, 'team-db');
    const r = await evalCs(dir, ['suite.json', '--jsonl', '--publish'], { CS_DB: team });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Published');
    const store = await openStore({ db: team, cwd: dir, env: {} });
    try {
      const board = await buildDashboard(store, new Date(), 1);
      expect(board.eval_scores).toEqual([
        expect.objectContaining({ about: 'eval e2e', agent: 'rules', passed: 2, runs: 3 }),
      ]);
      // The runs themselves left nothing in it: no customer, no saved call.
      expect(await store.list('customer')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('--only runs the scenarios whose name contains the text, or matches /regex/', async () => {
    const text = await evalCs(dir, ['suite.json', '--jsonl', '--only', 'QUIET']);
    expect(text.code, text.stderr).toBe(0);
    expect(jsonl(text.stdout).results.map((x) => x.name)).toEqual([QUIET_QUESTION.name]);

    const regex = await evalCs(dir, ['suite.json', '--jsonl', '--only', '/^(fails|known)/']);
    expect(regex.code, regex.stderr).toBe(0);
    const { results, summary } = jsonl(regex.stdout);
    expect(results.map((x) => x.name).sort()).toEqual([FAILS_ON_PURPOSE.name, KNOWN_CALLER.name].sort());
    expect(summary).toMatchObject({ scenarios: 2, runs: 2, passed: 1 });

    const none = await evalCs(dir, ['suite.json', '--jsonl', '--only', 'no such scenario']);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
  });
});

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element of a parsed document, in document order (SVG included). */
function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const children = 'content' in n && n.nodeName === 'template' ? n.content.childNodes : undefined;
    for (const child of [...('childNodes' in n ? n.childNodes : []), ...(children ?? [])]) walk(child);
  };
  walk(node);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

describe('cs eval --report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await suiteFolder({ 'suite.json': suite(SMALL_SUITE) });
  });

  it('writes a self-contained HTML report: tables, a chart, every failing call with its transcript', async () => {
    const r = await evalCs(dir, ['suite.json', '--report', 'report.html']);
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    const all = elements(parse(html));

    const kinds = all.find((e) => e.tagName === 'table' && attr(e, 'id') === 'kinds');
    const scenarios = all.find((e) => e.tagName === 'table' && attr(e, 'id') === 'scenarios');
    expect(kinds && textOf(kinds)).toContain('restraint');
    for (const s of SMALL_SUITE) expect(scenarios && textOf(scenarios)).toContain(s.name);

    const svg = all.find((e) => e.tagName === 'svg');
    expect(svg).toBeDefined();
    const bars = elements(svg as Element).filter((e) => e.tagName === 'rect' && attr(e, 'class') === 'bar');
    // One bar per kind of check the suite used: verification, restraint, memory.
    expect(bars.map((b) => attr(b, 'data-kind')).sort()).toEqual(['memory', 'restraint', 'verification']);

    const sections = all.filter((e) => e.tagName === 'section' && attr(e, 'class') === 'call');
    expect(sections).toHaveLength(1);
    const failing = sections[0] as Element;
    expect(textOf(failing)).toContain(FAILS_ON_PURPOSE.name);
    const transcript = elements(failing).find((e) => e.tagName === 'pre');
    // The transcript has the caller's line and the agent's greeting, not just the check.
    expect(transcript && textOf(transcript)).toContain(QUESTION);
    expect(transcript && textOf(transcript)).toContain('您好');
    expect(textOf(failing)).toContain('never reached turn 5');
    // Passing calls get no transcript section.
    for (const s of [QUIET_QUESTION, KNOWN_CALLER]) {
      expect(sections.some((e) => textOf(e).includes(s.name as string))).toBe(false);
    }

    // Nothing is fetched when the page opens: no scripts, no links, no external sources.
    expect(
      all.filter((e) => ['script', 'link', 'iframe', 'img', 'object', 'embed'].includes(e.tagName)),
    ).toEqual([]);
    const external = all.flatMap((e) =>
      e.attrs
        .filter((a) => ['src', 'href', 'srcset', 'xlink:href', 'data', 'action', 'poster'].includes(a.name))
        .map((a) => `${e.tagName} ${a.name}=${a.value}`),
    );
    expect(external).toEqual([]);
    const styles = all.filter((e) => e.tagName === 'style').map(textOf);
    expect(styles.join('')).not.toMatch(/url\(|@import/);
  });

  it('writes a Markdown report with the tables and the failing calls’ transcripts', async () => {
    const r = await evalCs(dir, ['suite.json', '--report', 'report.md']);
    expect(r.code, r.stderr).toBe(0);
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('| kind | passed | rate |');
    expect(md).toMatch(/\| 克制 restraint \| 1\/2 \| 50\.0% \|/);
    expect(md).toContain('| scenario | passed | why it failed |');
    for (const s of SMALL_SUITE) expect(md).toContain(`| ${s.name} |`);
    const failing = md.slice(md.indexOf(`### ${FAILS_ON_PURPOSE.name}`));
    expect(failing).not.toBe(md);
    expect(failing).toContain('never reached turn 5');
    const block = /```text\n([\s\S]*?)\n```/.exec(failing)?.[1];
    expect(block).toContain(QUESTION);
    expect(md).not.toContain(`### ${QUIET_QUESTION.name}`);
  });
});

describe('cs eval: persona scenarios (a language model plays the caller)', () => {
  const PERSONA: Scenario = {
    name: 'persona asks how long the bin keeps files',
    product: '云盘会员',
    phone: '13700001111',
    persona: {
      goal: '问清楚回收站里的文件能保留多久',
      knows: '自己的手机号 13700001111',
      style: '说话简短',
      max_turns: 4,
    },
    expect: { quiet_turns: [0, 1], reply_any: [{ turn: 0, any: ['30天'] }] },
  };
  /** The same caller, with a check that must fail: the caller hangs up after its second line. */
  const PERSONA_FAILS: Scenario = {
    ...PERSONA,
    name: 'persona call checked for a turn it never reaches',
    expect: { quiet_turns: [2] },
  };
  /** The caller's lines: what it says depends on how many lines it has said already. */
  const LINES: readonly string[] = [QUESTION, '好的知道了，谢谢 [DONE]'];

  let server: FakeOpenAiServer;
  let dir: string;
  const env = () => ({
    CS_LLM_PROVIDER: 'openai-compatible',
    CS_LLM_BASE_URL: `${server.url}/v1`,
    CS_LLM_MODEL: 'caller-model',
    CS_LLM_API_KEY: 'test',
  });
  beforeAll(async () => {
    server = await startFakeOpenAiServer((request: FakeChatRequest) => {
      const said = request.messages.filter((m) => m.role === 'assistant').length;
      return { content: LINES[Math.min(said, LINES.length - 1)] ?? '' };
    });
    dir = await suiteFolder({ 'suite.json': suite([QUIET_QUESTION, PERSONA, PERSONA_FAILS]) });
  });
  afterAll(async () => server?.close());

  it('--customer llm: the model plays the caller, the call runs and its checks are evaluated', async () => {
    const r = await evalCs(
      dir,
      ['suite.json', '--jsonl', '--customer', 'llm', '--agent', 'rules', '--jobs', '1'],
      env(),
    );
    expect(r.code, r.stderr).toBe(0);
    const { results, summary } = jsonl(r.stdout);
    const persona = results.find((x) => x.name === PERSONA.name);
    expect(persona).toMatchObject({
      passed: true,
      checks: [
        { check: 'quiet_turns', turn: 0, passed: true },
        { check: 'quiet_turns', turn: 1, passed: true },
        { check: 'reply_any', turn: 0, passed: true },
      ],
    });
    const fails = results.find((x) => x.name === PERSONA_FAILS.name);
    expect(fails?.passed).toBe(false);
    expect(fails?.checks[0]?.reason).toContain('never reached turn 2');
    expect(summary).toMatchObject({ scenarios: 3, runs: 3, passed: 2 });

    // Two lines per persona call: the model was asked twice per call, and said [DONE] on the second.
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) {
      expect(request.model).toBe('caller-model');
      const system = request.messages.find((m) => m.role === 'system');
      expect(String(system?.content)).toContain('问清楚回收站里的文件能保留多久');
    }
    // The second request carries the agent's answer to the first line: the caller hears the call.
    const second = server.requests[1] as FakeChatRequest;
    expect(second.messages.some((m) => m.role === 'assistant' && m.content === QUESTION)).toBe(true);
    expect(second.messages.some((m) => m.role === 'user' && String(m.content).includes('30天'))).toBe(true);
  });

  it('without --customer llm the persona scenarios are skipped and said so; the rest runs', async () => {
    const asked = server.requests.length;
    const text = await evalCs(dir, ['suite.json'], env());
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`- ${PERSONA.name}  (skipped: persona: needs --customer llm)`);
    expect(text.stdout).toContain(`- ${PERSONA_FAILS.name}  (skipped`);
    expect(text.stdout).toContain(`✓ ${QUIET_QUESTION.name}`);

    const lines = await evalCs(dir, ['suite.json', '--jsonl'], env());
    const { results, summary } = jsonl(lines.stdout);
    expect(results.map((x) => x.name)).toEqual([QUIET_QUESTION.name]);
    expect(summary).toMatchObject({ scenarios: 1, runs: 1 });
    // No model was asked anything.
    expect(server.requests).toHaveLength(asked);
  });
});
