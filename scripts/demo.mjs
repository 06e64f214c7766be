// The main job in one command (`npm run demo`): a fresh demo database, then a whole call with the
// built-in agent showing a verified answer, each permission outcome and the saved session.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url);
const cs = join(root.pathname, 'bin', 'cs.js');
const data = JSON.parse(readFileSync(new URL('demo-data.json', import.meta.url), 'utf8'));
const db = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'cs-demo-')), 'customer_service');

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
