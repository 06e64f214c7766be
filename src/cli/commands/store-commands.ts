import { CsError } from '../../domain/cs-error.js';
import type { CopyStoreResult } from '../../store/migrate-store.js';
import { type CliContext, checkFolderPath } from '../cli-context.js';

const isPostgresUrl = (v: string) => /^postgres(ql)?:\/\//.test(v);

/** `cs migrate --from DIR --to URL`: copies a file database into PostgreSQL; re-runnable. */
export async function migrateCommand(
  ctx: CliContext,
  options: { from: string; to: string },
): Promise<number | undefined> {
  if (isPostgresUrl(options.from)) throw new CsError('E_USAGE', '--from takes a database folder, not a URL.');
  if (!isPostgresUrl(options.to)) throw new CsError('E_USAGE', '--to takes a postgres:// URL.');
  checkFolderPath(options.from, '--from');
  const { openStore } = await import('../../store/open-store.js');
  const { copyStore } = await import('../../store/migrate-store.js');
  const from = await openStore({ db: options.from, cwd: ctx.cwd, env: {}, mustExist: true });
  const to = await openStore({ db: options.to, cwd: ctx.cwd, env: {} });
  try {
    const counts = await copyStore(from, to, { onProgress: (m) => ctx.note(m) });
    ctx.emit(
      counts,
      () =>
        `已迁移 Migrated: ${describeCounts(counts)}, ${counts.mockStates} mock states (${counts.skipped} already there)`,
    );
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
  return undefined;
}

/** Records created / updated / unchanged and sessions copied, for the closing line of a copy. */
function describeCounts(counts: CopyStoreResult): string {
  return `records ${counts.records} created, ${counts.updated} updated, ${counts.unchanged} unchanged; ${counts.sessions} sessions; ${counts.workItems} work items (approvals, tickets …), ${counts.auditEntries} audit entries`;
}

/**
 * `cs export --to DIR`: writes the current database in the seed's folder layout. Re-runnable:
 * an interrupted export resumes, records already there are skipped or updated when changed.
 */
export async function exportCommand(ctx: CliContext, options: { to: string }): Promise<number | undefined> {
  if (isPostgresUrl(options.to))
    throw new CsError('E_USAGE', '--to takes a folder; use `cs migrate` to copy into PostgreSQL.');
  checkFolderPath(options.to, '--to');
  const { openStore } = await import('../../store/open-store.js');
  const { copyStore } = await import('../../store/migrate-store.js');
  const from = await ctx.store();
  const to = await openStore({ db: options.to, cwd: ctx.cwd, env: {} });
  try {
    const counts = await copyStore(from, to, { onProgress: (m) => ctx.note(m) });
    ctx.emit(
      counts,
      () => `已导出 Exported to ${options.to}: ${describeCounts(counts)} (${counts.skipped} already there)`,
    );
  } finally {
    await to.close();
  }
  return undefined;
}
