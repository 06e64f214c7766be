// Scores callers' own wordings of a product's rules against the permission engine: how many are
// decided as a careful operator would, and how many more leniently (approved where a supervisor,
// a process or a refusal was due). The wordings are written blind, by people who read the rules
// and not the engine (eval/held-out/paraphrases.json).
//
//   node scripts/build.mjs && node scripts/score-paraphrases.mjs eval/held-out/records.json eval/held-out/paraphrases.json [--list]
//
// With one file, each wording names the records file its product is in ("records"), as our own
// English requests across the held-out rounds do (eval/english-requests.json).
import { readFileSync } from 'node:fs';
import { checkPermission, compileRules, PERMISSION_CATEGORIES } from '../dist/index.js';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [recordsFile, paraphrasesFile] = files.length === 1 ? [undefined, files[0]] : files;
if (!paraphrasesFile) {
  console.error('usage: node scripts/score-paraphrases.mjs [<records.json>] <paraphrases.json> [--list]');
  process.exit(2);
}
const paraphrases = JSON.parse(readFileSync(paraphrasesFile, 'utf8'));
const productsOf = new Map();
function productsIn(file) {
  if (!file) {
    console.error('each wording needs "records" when no records file is given');
    process.exit(2);
  }
  if (!productsOf.has(file)) productsOf.set(file, JSON.parse(readFileSync(file, 'utf8')).products);
  return productsOf.get(file);
}
// The engine's own order, strictest first: a decision later in it than the one due is more lenient.
const STRICTNESS = PERMISSION_CATEGORIES;
const byProduct = new Map();
for (const p of paraphrases) {
  const file = p.records ?? recordsFile;
  const name = p.product ?? productsIn(file)[0].name;
  const key = `${file}\u0000${name}`;
  if (!byProduct.has(key)) byProduct.set(key, []);
  byProduct.get(key).push(p);
}
for (const [key, list] of byProduct) {
  const [file, name] = key.split('\u0000');
  const product = productsIn(file).find((p) => p.name === name);
  if (!product) {
    console.error(`no product named ${name} in ${file}`);
    process.exit(1);
  }
  const rules = compileRules(product.operator_permissions);
  let right = 0;
  let lenient = 0;
  const wrong = [];
  for (const p of list) {
    const got = checkPermission(rules, p.text).status;
    if (got === p.status) right++;
    else {
      if (STRICTNESS.indexOf(got) > STRICTNESS.indexOf(p.status)) lenient++;
      wrong.push(`  ${p.status} -> ${got}: ${p.text}`);
    }
  }
  console.log(`${name}: ${right}/${list.length} read right, ${lenient} more lenient than the rule`);
  if (process.argv.includes('--list')) console.log(wrong.join('\n'));
}
