import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareAgent } from '../agent/choose-agent.js';
import { cachedCompileRules } from '../call/compiled-rules-cache.js';
import { type CallAgentFactory, PlacedCall } from '../call/place-call.js';
import type { CallerRef } from '../call/start-call.js';
import { CsError } from '../domain/cs-error.js';
import { RECORD_TYPES } from '../domain/record-types.js';
import type { CallEvent } from '../domain/session-schemas.js';
import { createRecords } from '../records/record-service.js';
import { dropPgSchema, openStore } from '../store/open-store.js';
import type { RecordStore } from '../store/record-store.js';
import { setMockResponse } from '../systems/index.js';
import { type CallTrace, checkCall } from './check-call.js';
import { type EvalSummary, type RunResult, summarize } from './eval-metrics.js';
import type { Scenario, Suite } from './eval-suite.js';

export interface EvalOptions {
  /** Who answers: as `cs call --agent`. */
  agent: 'auto' | 'rules' | 'llm';
  /** Who calls in `persona` scenarios: a language model, or nobody (they are skipped). */
  customer: 'script' | 'llm';
  trials: number;
  jobs: number;
  /** Only scenarios whose name contains this (case-insensitive), or matches /this/. */
  only?: string;
  /**
   * A postgres:// URL: each run gets its own schema there, dropped afterwards. `memory`: each run
   * gets a store in this process's memory (nothing is written; the calls are the same). Without
   * it, each run gets a copy of a folder database.
   */
  db?: string;
  env: NodeJS.ProcessEnv;
  llmFlags?: { provider?: string; model?: string; baseUrl?: string };
  /** After each run: how many are done of how many. */
  onRun?: (done: number, total: number, run: EvalRun) => void;
}

/** One run of one scenario: its result and the call's events (for reports). */
export interface EvalRun {
  scenario: Scenario;
  result: RunResult;
  events: CallEvent[];
  /** The product's SLA text (the permission blocks of the transcript show it). */
  sla: string;
}

export interface EvalOutcome {
  runs: EvalRun[];
  summary: EvalSummary;
  /** Scenarios not run, with why (persona scenarios without a simulated caller). */
  skipped: Array<{ name: string; why: string }>;
}

/**
 * Runs a suite: every selected scenario `trials` times, each run in a fresh throw-away database
 * seeded from the suite's records, through the same call path as `cs call` (PlacedCall), `jobs`
 * runs at a time. The user's database is never opened.
 */
export async function runEval(suite: Suite, options: EvalOptions): Promise<EvalOutcome> {
  const selected = suite.scenarios.filter(matcher(options.only));
  if (selected.length === 0)
    throw new CsError('E_USAGE', `No scenario of ${suite.file} matches --only "${options.only}".`);
  const skipped =
    options.customer === 'llm'
      ? []
      : selected
          .filter((s) => s.persona)
          .map((s) => ({ name: s.name, why: 'persona: needs --customer llm' }));
  const scenarios = selected.filter((s) => !skipped.some((k) => k.name === s.name));

  const env = evalEnv(options.env);
  const flags = options.llmFlags ?? {};
  const makeAgent = await prepareAgent({ kind: options.agent, env, flags });
  const caller =
    options.customer === 'llm' && scenarios.some((s) => s.persona)
      ? await callerModel(env, flags)
      : undefined;

  const work = scenarios.flatMap((scenario) =>
    Array.from({ length: options.trials }, (_, i) => ({ scenario, trial: i + 1 })),
  );
  const databases = await throwAwayDatabases(suite, options.db, env);
  const runs: EvalRun[] = new Array(work.length);
  let done = 0;
  try {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < work.length; i = next++) {
        const { scenario, trial } = work[i] as (typeof work)[number];
        const run = await runScenario({ suite, scenario, trial, makeAgent, caller, env, databases });
        runs[i] = run;
        done += 1;
        options.onRun?.(done, work.length, run);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, work.length)) }, worker));
  } finally {
    await databases.dispose();
  }
  const summary = summarize(runs.map((r) => r.result));
  return { runs, summary: skipped.length > 0 ? { ...summary, skipped } : summary, skipped };
}

/** One run: a fresh database, the scenario's backend state, the call, its checks. */
async function runScenario(input: {
  suite: Suite;
  scenario: Scenario;
  trial: number;
  makeAgent: CallAgentFactory;
  caller: Awaited<ReturnType<typeof callerModel>> | undefined;
  env: NodeJS.ProcessEnv;
  databases: ThrowAwayDatabases;
}): Promise<EvalRun> {
  const { suite, scenario, trial } = input;
  const events: CallEvent[] = [];
  const trace: CallTrace = { events, review: undefined, customerNameAfter: undefined };
  let error: string | undefined;
  let sla = '';
  const db = await input.databases.open();
  try {
    const product = scenario.product ?? String(suite.records.product[0]?.name);
    const phone = callerPhone(scenario, suite);
    if (phone !== undefined && scenario.mock) {
      const productId = (await db.store.findByName('product', product))[0]?._id;
      for (const [name, response] of Object.entries(scenario.mock)) {
        await setMockResponse(db.store, String(productId), phone, name, response);
      }
    }
    const call = await PlacedCall.open({
      store: db.store,
      env: db.env,
      makeAgent: input.makeAgent,
      product,
      operator: scenario.operator ?? String(suite.records.operator[0]?.name),
      caller: callerOf(scenario),
      language: scenario.lang,
    });
    sla = String(call.participants.product.sla ?? '');
    try {
      await call.begin((event) => events.push(event));
      const lines =
        scenario.persona && input.caller
          ? input.caller({ persona: scenario.persona, language: scenario.lang, events })
          : listLines(scenario.turns ?? []);
      const review = await call.converse(lines);
      await call.save(review);
      trace.review = review;
    } finally {
      await call.close();
    }
    const after = await db.store.get('customer', call.participants.customer._id);
    trace.customerNameAfter = after === undefined ? undefined : String(after.name);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    await db.dispose();
  }
  const checks = checkCall(scenario.expect, trace);
  const passed = error === undefined && checks.every((c) => c.passed);
  return {
    scenario,
    events,
    sla,
    result: { type: 'result', name: scenario.name, trial, passed, checks, ...(error ? { error } : {}) },
  };
}

/** The caller as `cs call` names it: a phone, a customer's name, or a new caller. */
function callerOf(scenario: Scenario): CallerRef {
  if (scenario.phone !== undefined) return { phone: scenario.phone };
  if (scenario.customer !== undefined) return { customer: scenario.customer };
  return { new: true };
}

/** The phone the scenario's mock responses are for. */
function callerPhone(scenario: Scenario, suite: Suite): string | undefined {
  if (scenario.phone !== undefined) return scenario.phone;
  if (scenario.customer === undefined) return undefined;
  const phone = suite.records.customer.find((c) => c.name === scenario.customer)?.phone;
  return phone === undefined ? undefined : String(phone);
}

async function* listLines(turns: readonly string[]): AsyncIterable<string> {
  yield* turns;
}

function matcher(only: string | undefined): (s: Scenario) => boolean {
  if (only === undefined || only === '') return () => true;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(only);
  if (regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(regex[1] as string, regex[2]);
    } catch {
      throw new CsError('E_USAGE', `--only ${only} is not a regular expression.`);
    }
    return (s) => pattern.test(s.name);
  }
  const needle = only.toLowerCase();
  return (s) => s.name.toLowerCase().includes(needle);
}

/**
 * The environment calls run in: the user's LLM settings, but never their database or a real
 * backend — a suite fixes its backend responses with `mock`, so queries go to the mock backend.
 */
function evalEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { CS_API_BASE_URL: _api, CS_DB: _db, CS_DATABASE_URL: _url, ...rest } = env;
  return rest;
}

/** The model that plays callers, from the same provider settings as `--agent llm`. */
async function callerModel(env: NodeJS.ProcessEnv, flags: NonNullable<EvalOptions['llmFlags']>) {
  const [{ resolveLlmConfig }, { createChatModel }, { simulatedCallerLines }] = await Promise.all([
    import('../agent/llm/llm-config.js'),
    import('../agent/llm/create-chat-model.js'),
    import('./simulated-caller.js'),
  ]);
  const config = resolveLlmConfig({ env, flags, required: true });
  if (!config) throw new CsError('E_CONFIG', '--customer llm needs CS_LLM_PROVIDER and CS_LLM_MODEL.');
  const model = await createChatModel(config);
  return (input: Omit<Parameters<typeof simulatedCallerLines>[0], 'model'>) =>
    simulatedCallerLines({ model, ...input });
}

/** `EvalOptions.db` for throw-away databases in memory (`cs eval --db memory`). */
export const EVAL_IN_MEMORY = 'memory';

interface ThrowAwayDatabase {
  store: RecordStore;
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

interface ThrowAwayDatabases {
  open(): Promise<ThrowAwayDatabase>;
  dispose(): Promise<void>;
}

/**
 * Fresh databases seeded with the suite's records. Folders: the records are written once into
 * a template folder (with the products' compiled rules) and each run gets a copy. PostgreSQL:
 * each run gets its own schema, seeded, and dropped when the run ends. Memory: each run gets a
 * store of its own in this process, seeded.
 */
async function throwAwayDatabases(
  suite: Suite,
  url: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<ThrowAwayDatabases> {
  if (url === EVAL_IN_MEMORY) {
    // Lazily: the memory store's modules are not part of every eval's start.
    const { MemoryRecordStore } = await import('../store/memory/memory-record-store.js');
    return {
      async open() {
        const store = new MemoryRecordStore();
        await seed(store, suite);
        return { store, env, dispose: () => store.close() };
      },
      dispose: async () => {},
    };
  }
  const root = await mkdtemp(join(await scratchFolder(env), 'cs-eval-'));
  const runEnv = { ...env, CS_JOURNAL_DIR: join(root, 'journal') };
  let counter = 0;
  if (url === undefined) {
    const template = join(root, 'template');
    const store = await openStore({ db: template, create: true, env: runEnv });
    try {
      await seed(store, suite);
      const compile = cachedCompileRules(template);
      for (const product of await store.list('product')) {
        if (product.operator_permissions) compile(product.operator_permissions as never);
      }
    } finally {
      await store.close();
    }
    const layout = await treeOf(template);
    return {
      async open() {
        const dir = join(root, `run-${++counter}`);
        await copyTree(layout, dir);
        const run = await openStore({ db: dir, env: runEnv });
        return {
          store: run,
          env: runEnv,
          async dispose() {
            await run.close();
            await rm(dir, { recursive: true, force: true });
          },
        };
      },
      dispose: () => rm(root, { recursive: true, force: true }),
    };
  }
  return {
    async open() {
      const schema = `cs_eval_${randomBytes(6).toString('hex')}`;
      const where = new URL(url);
      where.searchParams.set('schema', schema);
      const store = await openStore({ db: where.toString(), env: runEnv });
      const dispose = async () => {
        await store.close();
        await dropPgSchema(url, schema);
      };
      try {
        await seed(store, suite);
      } catch (error) {
        await dispose();
        throw error;
      }
      return { store, env: runEnv, dispose };
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Where throw-away databases go: `CS_EVAL_TMPDIR`, else memory-backed /dev/shm where the
 * machine has it (a run's database lives for one call; disk writes and syncs would be most of
 * its cost), else the system's temporary folder.
 */
async function scratchFolder(env: NodeJS.ProcessEnv): Promise<string> {
  const chosen = env.CS_EVAL_TMPDIR?.trim();
  if (chosen) return chosen;
  const shm = '/dev/shm';
  const usable = await access(shm, constants.W_OK).then(
    () => true,
    () => false,
  );
  return usable ? shm : tmpdir();
}

/** A folder's subfolders (parents first) and files, read once to be copied for every run. */
interface TreeLayout {
  root: string;
  dirs: string[];
  files: string[];
}

async function treeOf(root: string): Promise<TreeLayout> {
  const layout: TreeLayout = { root, dirs: [], files: [] };
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(join(root, rel), { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (entry.isDirectory()) {
        layout.dirs.push(path);
        await walk(path);
      } else if (entry.isFile()) layout.files.push(path);
    }
  };
  await walk('');
  return layout;
}

/**
 * A fresh copy of the template for one run: the folders in order, then every file at once
 * (`fs.cp` walks and stats the tree again for every copy, five times slower here).
 */
async function copyTree(layout: TreeLayout, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const dir of layout.dirs) await mkdir(join(to, dir), { recursive: true });
  await Promise.all(layout.files.map((file) => copyFile(join(layout.root, file), join(to, file))));
}

/** Writes the suite's records as `cs create --data` would, all or nothing per type. */
async function seed(store: RecordStore, suite: Suite): Promise<void> {
  for (const type of RECORD_TYPES) {
    const records = suite.records[type];
    if (records.length > 0) await createRecords(store, type, records);
  }
}
