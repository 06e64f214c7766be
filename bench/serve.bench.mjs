// `cs serve` under load (issue 15), one server process on 127.0.0.1 driven by this process over
// kept-alive connections (node:http, no client library):
//  1. Chat turns with the built-in agent on PostgreSQL: the demo product, several hundred mock
//     customers, 50 chats opened with chat tokens signed as an embedding site signs them
//     (CS_SERVE_SECRET), then 50 concurrent loops each saying ordinary lines (an FAQ question,
//     a system query, an action the operator may take at once, thanks) for a fixed time.
//     Target: ≥ 300 turns/s with p99 < 100 ms, measured with the 50 chats' lines sent 300 a
//     second in all (each chat's a sixth of a second apart); then 50 other chats as closed
//     loops (each line as soon as the reply comes) for the most turns a second the server does.
//     Baselines on the same server, same 50 loops:
//     `GET /api/openapi.json` (no database) and `GET /api/me` with a token (one lookup).
//  2. The inbox API with 10,000 pending approval requests written through `importWork`:
//     `GET /api/approvals?state=pending` from a few concurrent clients. Target: p99 < 50 ms.
//     Also on the file store (CS_BENCH_SERVE_FILE=0 skips it). CS_BENCH_SERVE_CHAT=0 skips
//     part 1, for a quick run of the inbox alone.
// Needs CS_BENCH_DATABASE_URL or CS_TEST_DATABASE_URL (a fresh schema, dropped afterwards).
// CS_BENCH_SERVE_SECONDS sets the chat load's length (20 s); CS_BENCH_SERVE_PROFILE=DIR runs
// the server with `node --cpu-prof` and leaves its profiles in DIR.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../dist/index.js';
import { approvalRequest } from './_approvals.mjs';
import { fmt, header, summarize, withPg } from './_util.mjs';

const cs = new URL('../bin/cs.js', import.meta.url).pathname;
const data = JSON.parse(readFileSync(new URL('../scripts/demo-data.json', import.meta.url), 'utf8'));
const CHATS = 50;
const CUSTOMERS = 500;
const SECONDS = Number(process.env.CS_BENCH_SERVE_SECONDS ?? 20);
const PENDING = 10_000;
const SECRET = `bench-${randomBytes(8).toString('hex')}`;
const SUPERVISOR = '压测主管';
/** Ordinary lines: a question the FAQ answers, a system query, an immediate action, thanks. */
const LINES = ['退款多久到账？', '我的会员什么时候到期', '帮我把自动续费关了', '谢谢'];

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** One request over the kept-alive pool; resolves with status and parsed JSON (or text). */
function call(base, method, path, { body, headers = {}, raw = false } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        let bytes = 0;
        res.on('data', (c) => {
          bytes += c.length;
          // Under load only the status counts: parsing the answers would take cores from the server.
          if (!raw || res.statusCode !== 200) chunks.push(c);
        });
        res.on('end', () => {
          if (raw && res.statusCode === 200) return resolve({ status: 200, json: undefined, bytes });
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode, json, bytes });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function ok(base, method, path, options) {
  const r = await call(base, method, path, options);
  if (r.status !== 200)
    throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
  return r.json;
}

/** `cs …` on the database; its stdout. */
function csRun(db, args) {
  const r = spawnSync(process.execPath, [cs, ...args, '--db', db], {
    encoding: 'utf8',
    env: { ...process.env, CS_SERVE_SECRET: SECRET },
  });
  if (r.status !== 0) throw new Error(`cs ${args.join(' ')}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** A chat token as the embedding site signs it (see src/http/chat/chat-token.ts). */
function chatToken(phone) {
  const body = Buffer.from(JSON.stringify({ phone, exp: Math.floor(Date.now() / 1000) + 3600 })).toString(
    'base64url',
  );
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}

/** Starts `cs serve --port 0`; its URL, pid and a stop that waits for it to exit. */
async function startServe(db, profileDir) {
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), cs, 'serve'];
  const child = spawn(process.execPath, [...args, '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CS_SERVE_SECRET: SECRET, CS_DB: '', CS_DATABASE_URL: '' },
  });
  let out = '';
  child.stderr.setEncoding('utf8').on('data', (d) => {
    out += d;
  });
  const url = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /cs serve: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`cs serve exited: ${out}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    pid: child.pid,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU time (user + system) of a process so far, in ms (Linux /proc; 100 ticks a second). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time of the PostgreSQL server's processes on this machine (the database the bench uses
 * runs here), in ms; NaN when /proc shows none. Backends that exit meanwhile are not counted,
 * but the server's pooled connections live through a run.
 */
function postgresCpuMs() {
  let total = 0;
  let seen = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10;
      seen++;
    } catch {
      // gone meanwhile
    }
  }
  return seen > 0 ? total : Number.NaN;
}

/**
 * `loops` concurrent loops, each sending `next(loop, i)` until `seconds` have passed; latencies
 * of the requests started after `warmup` seconds. Any non-200 answer stops the run.
 * Without `rate` each loop sends its next request as soon as the answer comes (a closed loop:
 * the most the server does, with its queue in every latency). With `rate` (requests a second,
 * all loops together) each loop sends on a schedule, its requests `loops / rate` s apart and
 * the loops staggered: the latency of a request is counted from when it was due, so an answer
 * that comes late, and the later requests it holds back, count in full.
 */
async function load({ base, loops, seconds, warmup = 0, next, serverPid, rate }) {
  const t0 = performance.now();
  const from = t0 + warmup * 1000;
  const until = from + seconds * 1000;
  const latencies = [];
  let cpu0 = Number.NaN;
  let pg0 = Number.NaN;
  let own0 = process.cpuUsage();
  let timing = false;
  const started = performance.now();
  const interval = rate ? (1000 * loops) / rate : 0;
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let i = 0; ; i++) {
        const due = rate ? t0 + (loop / loops) * interval + i * interval : performance.now();
        if (due >= until) break;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const t = due;
        if (t >= from && !timing) {
          timing = true;
          cpu0 = cpuMs(serverPid);
          pg0 = postgresCpuMs();
          own0 = process.cpuUsage();
        }
        const { method, path, options } = next(loop, i);
        const r = await call(base, method, path, { ...options, raw: true });
        if (r.status !== 200)
          throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
        if (t >= from) latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - Math.max(from, started)) / 1000;
  const cpu = cpuMs(serverPid) - cpu0;
  const pgCpu = postgresCpuMs() - pg0;
  const own = process.cpuUsage(own0);
  return {
    ...summarize(latencies),
    perSecond: latencies.length / elapsed,
    cpuPerRequest: cpu / latencies.length,
    // Backends that ended during the run take their CPU time with them: then there is no figure.
    postgresCpuPerRequest: pgCpu >= 0 ? pgCpu / latencies.length : Number.NaN,
    clientCpuPerRequest: (own.user + own.system) / 1000 / latencies.length,
  };
}

const line = (label, r) =>
  `${label.padEnd(44)} ${Math.round(r.perSecond).toLocaleString().padStart(6)}/s  p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  CPU each: server ${r.cpuPerRequest.toFixed(2)} ms, PostgreSQL ${Number.isNaN(r.postgresCpuPerRequest) ? 'n/a' : `${r.postgresCpuPerRequest.toFixed(2)} ms`}, this client ${r.clientCpuPerRequest.toFixed(2)} ms  (n ${r.n})`;

async function chatBench(pgUrl) {
  console.log(`seeding: the demo product and operator, ${CUSTOMERS} mock customers, a supervisor`);
  csRun(pgUrl, ['create', 'product', '--data', JSON.stringify(data.product)]);
  csRun(pgUrl, ['create', 'operator', '--data', JSON.stringify(data.operator)]);
  csRun(pgUrl, ['create', 'customer', '--data', JSON.stringify(data.customers)]);
  csRun(pgUrl, ['create', 'customer', '--mock', '--count', String(CUSTOMERS), '--seed', '15']);
  csRun(pgUrl, ['users', 'add', SUPERVISOR, '--role', 'supervisor']);
  const token = csRun(pgUrl, ['users', 'token', SUPERVISOR]).trim().split('\n').pop();
  const store = await openStore({ db: pgUrl, cwd: process.cwd(), env: {} });
  const phones = (await store.summaries('customer')).map((c) => c.phone).filter(Boolean);
  await store.close();
  if (phones.length < CHATS) throw new Error(`only ${phones.length} customers with phones`);

  const profileDir = process.env.CS_BENCH_SERVE_PROFILE;
  const server = await startServe(pgUrl, profileDir);
  try {
    const base = server.url;
    const bearer = { headers: { Authorization: `Bearer ${token}` } };
    const common = { base, loops: CHATS, serverPid: server.pid };
    const openapi = await load({
      ...common,
      seconds: 5,
      warmup: 1,
      next: () => ({ method: 'GET', path: '/api/openapi.json' }),
    });
    console.log(line('baseline GET /api/openapi.json (no database)', openapi));
    const me = await load({
      ...common,
      seconds: 5,
      warmup: 1,
      next: () => ({ method: 'GET', path: '/api/me', options: bearer }),
    });
    console.log(line('baseline GET /api/me (token lookup)', me));

    /** Opens 50 chats, each with its own caller (every 10th customer, shifted by `shift`). */
    const openChats = async (shift) => {
      const t0 = performance.now();
      const chats = [];
      for (let i = 0; i < CHATS; i++) {
        const phone = phones[(i * 10 + shift) % phones.length];
        const started = await ok(base, 'POST', '/chat/api/start', {
          body: { token: chatToken(phone), product: data.product.name },
        });
        chats.push({ id: started.call_id, key: started.chat_key });
      }
      return { chats, openMs: (performance.now() - t0) / CHATS };
    };
    const sayIn = (chats) => (loop, i) => ({
      method: 'POST',
      path: `/chat/api/${chats[loop].id}/say`,
      options: {
        body: { content: LINES[(loop + i) % LINES.length] },
        headers: { 'X-Chat-Key': chats[loop].key },
      },
    });
    const verdict = (r) =>
      `target ≥ 300/s ${r.perSecond >= 299.5 ? '✓' : '✗'}, p99 < 100 ms ${r.p99 < 100 ? '✓' : '✗'}`;

    // 50 chats whose lines come 300 a second in all, each chat's 1/6 s apart: the target's load.
    const paced = await openChats(0);
    console.log(`${CHATS} chats opened one after another: ${fmt(paced.openMs)} each`);
    const load0 = loadavg()[0];
    const atRate = await load({
      ...common,
      seconds: SECONDS,
      warmup: 2,
      next: sayIn(paced.chats),
      rate: 300,
    });
    console.log(line(`chat turns, ${CHATS} chats, 300 lines/s, ${SECONDS} s`, atRate));
    console.log(`  ${verdict(atRate)}; load average ${load0.toFixed(1)} at the start`);

    // 50 other chats, each saying its next line as soon as the reply comes: the most it does.
    const { chats } = await openChats(1);
    const say = sayIn(chats);
    const load1 = loadavg()[0];
    const turns = await load({ ...common, seconds: SECONDS, warmup: 2, next: say });
    console.log(line(`chat turns, ${CHATS} chats, closed loops, ${SECONDS} s`, turns));
    console.log(
      `  ≈ ${Math.round((turns.n / CHATS) * ((SECONDS + 2) / SECONDS))} turns per chat; each loop waits for its reply, ` +
        `so a turn waits ${CHATS} / (turns a second) on average (Little's law); load average ${load1.toFixed(1)} at the start`,
    );
    // The same trivial request, once more, while the chats go on: what the server's queue adds.
    const probeUntil = performance.now() + 5000;
    const busy = load({ ...common, seconds: 5, next: say });
    const probe = [];
    while (performance.now() < probeUntil) {
      const t = performance.now();
      await ok(base, 'GET', '/api/openapi.json');
      probe.push(performance.now() - t);
    }
    await busy;
    const p = summarize(probe);
    console.log(
      `  GET /api/openapi.json during the chat load: p50 ${fmt(p.p50)}  p99 ${fmt(p.p99)} (n ${p.n})`,
    );
    const sample = await ok(base, 'POST', `/chat/api/${chats[0].id}/say`, {
      body: { content: LINES[1] },
      headers: { 'X-Chat-Key': chats[0].key },
    });
    console.log(`  a reply: ${String(sample.reply).slice(0, 80)}`);
    // Every turn reads the live call (it grows with the chat) and appends what it added.
    const view = await call(base, 'GET', `/api/calls/${chats[0].id}`, bearer);
    console.log(
      `  one chat's live call as the API shows it now: ${(view.bytes / 1024).toFixed(0)} KB of JSON`,
    );
    return { base, token };
  } finally {
    await server.stop();
    if (profileDir) console.log(`  server CPU profile in ${profileDir}`);
  }
}

async function inboxBench(label, db, parallel, fresh, afterImport) {
  const store = await openStore({ db, cwd: process.cwd(), env: {} });
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < PENDING) await store.importWork('approval', approvalRequest(next++));
    }),
  );
  await store.close();
  console.log(
    `${label}: ${PENDING.toLocaleString()} pending requests written in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  // The planner's statistics as autovacuum leaves them within a minute of a bulk load (see
  // approvals-list.bench.mjs): timed straight after it, the listing sorts every pending row.
  await afterImport?.();
  // The chat part added the supervisor to the PostgreSQL schema already.
  if (fresh) csRun(db, ['users', 'add', SUPERVISOR, '--role', 'supervisor']);
  const token = csRun(db, ['users', 'token', SUPERVISOR]).trim().split('\n').pop();
  const server = await startServe(db, process.env.CS_BENCH_SERVE_PROFILE);
  try {
    // Twice: the first answer also warms the server up.
    let first;
    let firstMs = 0;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      first = await call(server.url, 'GET', '/api/approvals?state=pending', {
        headers: { Authorization: `Bearer ${token}` },
      });
      firstMs = performance.now() - t0;
    }
    const items = Array.isArray(first.json) ? first.json : (first.json.items ?? []);
    console.log(
      `  one answer: ${items.length.toLocaleString()} requests, ${(first.bytes / 1e6).toFixed(1)} MB of JSON, ${fmt(firstMs)}`,
    );
    // Baseline: the same route, signed in the same way, answering an empty state.
    const runs = [
      ['  baseline: same route, state=approved (none)', '/api/approvals?state=approved', 4],
      [`  ${label}, state=pending, 1 client`, '/api/approvals?state=pending', 1],
      [`  ${label}, state=pending, 4 clients`, '/api/approvals?state=pending', 4],
    ];
    // A listing of seconds leaves a 10 s window nearly empty: one client, a longer window.
    const slow = firstMs > 1000;
    for (const [what, path, clients] of slow ? runs.slice(0, 2) : runs) {
      const r = await load({
        base: server.url,
        loops: clients,
        seconds: slow && path.endsWith('pending') ? 30 : 10,
        warmup: slow ? 0 : 1,
        serverPid: server.pid,
        next: () => ({ method: 'GET', path, options: { headers: { Authorization: `Bearer ${token}` } } }),
      });
      const verdict = path.endsWith('pending') ? `  target p99 < 50 ms ${r.p99 < 50 ? '✓' : '✗'}` : '';
      console.log(`${line(what, r)}${verdict}`);
    }
  } finally {
    await server.stop();
  }
}

export async function run() {
  header(
    `cs serve: chat turns (${CHATS} chats, PostgreSQL) and the inbox API (${PENDING.toLocaleString()} pending)`,
  );
  const url = process.env.CS_BENCH_DATABASE_URL ?? process.env.CS_TEST_DATABASE_URL;
  if (!url) {
    console.log('skipped (set CS_BENCH_DATABASE_URL or CS_TEST_DATABASE_URL)');
    return;
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const schema = `cs_bench_${randomBytes(4).toString('hex')}`;
  const pgUrl = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
  const chat = process.env.CS_BENCH_SERVE_CHAT !== '0';
  try {
    if (chat) await chatBench(pgUrl);
    await inboxBench('PostgreSQL', pgUrl, 10, !chat, () =>
      withPg(url, (client) => client.query(`ANALYZE "${schema}".work_items`)),
    );
  } finally {
    await withPg(url, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  }
  if (process.env.CS_BENCH_SERVE_FILE !== '0') {
    const dir = await mkdtemp(join(tmpdir(), 'cs-bench-serve-'));
    try {
      await inboxBench('file store', join(dir, 'db'), 32, true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  agent.destroy();
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
