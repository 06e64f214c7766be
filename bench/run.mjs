// `npm run bench`: every benchmark in this folder, one after the other (they share 2 cores).
// Figures print with their same-run baselines; copy the latest into bench/README.md.
const benches = [
  'permissions.bench.mjs',
  'agent-turn.bench.mjs',
  'call-process.bench.mjs',
  'query.bench.mjs',
  'store.bench.mjs',
  'session-save.bench.mjs',
  'history-list.bench.mjs',
  'approvals-list.bench.mjs',
  'mock-create.bench.mjs',
  'list.bench.mjs',
  'eval.bench.mjs',
  'serve.bench.mjs',
];
const only = process.argv.slice(2);
for (const file of benches) {
  if (only.length > 0 && !only.some((o) => file.startsWith(o))) continue;
  const mod = await import(new URL(file, import.meta.url));
  await mod.run();
}
