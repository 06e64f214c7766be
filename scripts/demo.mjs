// The main job in one command (`npm run demo`): a fresh demo database, then a whole call with the
// built-in agent showing a verified answer, each permission outcome and the saved session.
// `npm run demo -- DIR` puts the database in DIR; `--seed-only` stops after creating the records
// (the README examples test starts from that database).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url);
const cs = join(root.pathname, 'bin', 'cs.js');
const data = JSON.parse(readFileSync(new URL('demo-data.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
const seedOnly = args.includes('--seed-only');
// `npm run demo -- --serve`: after the call, start the web console and chat on the demo database.
const serve = args.includes('--serve');
const db =
  args.find((a) => !a.startsWith('--')) ?? join(mkdtempSync(join(tmpdir(), 'cs-demo-')), 'customer_service');

const run = (args, input) =>
  execFileSync(process.execPath, [cs, ...args, '--db', db], {
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
const show = (title, text) => process.stdout.write(`\n===== ${title} =====\n${text}`);

show('1. 建立演示数据库 Demo database', `${db}\n`);
process.stdout.write(run(['create', 'product', '--data', JSON.stringify(data.product)]));
process.stdout.write(run(['create', 'customer', '--data', JSON.stringify(data.customers)]));
process.stdout.write(run(['create', 'operator', '--data', JSON.stringify(data.operator)]));
for (const [iface, response] of Object.entries(data.mock)) {
  process.stdout.write(
    run([
      'mock',
      'set',
      '--product',
      data.product.name,
      '--phone',
      data.customers[0].phone,
      '--interface',
      iface,
      '--response',
      JSON.stringify(response),
    ]),
  );
}

if (seedOnly) process.exit(0);

show('2. 客服通话 A call (built-in agent)', '');
const transcript = run(
  [
    'call',
    '--product',
    data.product.name,
    '--operator',
    data.operator.name,
    '--phone',
    data.customers[0].phone,
    '--agent',
    'rules',
    '--session-id',
    'demo',
  ],
  `${data.turns.join('\n')}\n`,
);
process.stdout.write(transcript);

const saved = /history\/(cs_\d{8}_\d{3}_demo)/.exec(transcript)?.[1];
show('3. 已保存的会话 The saved session', '');
process.stdout.write(run(['history', 'list']));
if (saved) process.stdout.write(run(['history', 'show', saved]));
show(
  '4. 通话后的客户记录 The customer after the call',
  run(['read', 'customer', '--phone', data.customers[0].phone]),
);
show(
  '5. 继续使用演示数据库 Keep using the demo database',
  [
    `演示数据库在 The demo database is in: ${db}`,
    '在命令后加 --db 继续使用它 · add --db to any command to keep using it, e.g.:',
    `  node bin/cs.js list --db ${db}`,
    `  node bin/cs.js call --product ${data.product.name} --operator ${data.operator.name} --phone ${data.customers[1].phone} --db ${db}`,
    '(或 export CS_DB=<该目录> · or export CS_DB=<that folder>; npm run demo -- <folder> chooses where it goes)',
    '',
  ].join('\n'),
);

if (serve) {
  const password = (name, role) => run(['users', 'add', name, '--role', role]).trim().split(/\s+/).at(-1);
  const supervisor = password('王主管', 'supervisor');
  const agent = password('小李', 'agent');
  const token = run([
    'chat-token',
    '--phone',
    data.customers[0].phone,
    '--product',
    data.product.name,
    '--ttl',
    '1440',
  ]).trim();
  const port = process.env.PORT ?? '8080';
  show(
    '6. 网页控制台 The web console (cs serve)',
    [
      `控制台 Console: http://127.0.0.1:${port}/   主管 supervisor 王主管 / ${supervisor}   客服 agent 小李 / ${agent}`,
      `客户聊天 Chat:  http://127.0.0.1:${port}/chat/${encodeURIComponent(data.product.name)}?token=${token}`,
      'Ctrl-C 停止 · Ctrl-C stops it',
      '',
    ].join('\n'),
  );
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, [cs, 'serve', '--port', port, '--db', db], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}
