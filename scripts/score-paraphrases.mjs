// Scores callers' own wordings of a product's rules against the permission engine: how many are
// decided as a careful operator would, and how many more leniently (approved where a supervisor,
// a process or a refusal was due). The wordings are written blind, by people who read the rules
// and not the engine (eval/held-out/paraphrases.json).
//
//   node scripts/build.mjs && node scripts/score-paraphrases.mjs eval/held-out/records.json eval/held-out/paraphrases.json [--list]
import { readFileSync } from 'node:fs';
import { checkPermission, compileRules, PERMISSION_CATEGORIES } from '../dist/index.js';

const [recordsFile, paraphrasesFile] = process.argv.slice(2);
if (!recordsFile || !paraphrasesFile) {
  console.error('usage: node scripts/score-paraphrases.mjs <records.json> <paraphrases.json> [--list]');
  process.exit(2);
}
const products = JSON.parse(readFileSync(recordsFile, 'utf8')).products;
const paraphrases = JSON.parse(readFileSync(paraphrasesFile, 'utf8'));
// The engine's own order, strictest first: a decision later in it than the one due is more lenient.
const STRICTNESS = PERMISSION_CATEGORIES;
const byProduct = new Map();
for (const p of paraphrases) {
  const name = p.product ?? products[0].name;
  if (!byProduct.has(name)) byProduct.set(name, []);
  byProduct.get(name).push(p);
}
for (const [name, list] of byProduct) {
  const product = products.find((p) => p.name === name);
  if (!product) {
    console.error(`no product named ${name} in ${recordsFile}`);
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
