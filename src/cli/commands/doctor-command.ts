import type { CliContext } from '../cli-context.js';

/**
 * `cs doctor [--fix [--move-corrupt]]`: lists what is wrong in the database, one line each with
 * the file and the repair; with --fix repairs what is safe and says what it did. Exit 1 while
 * problems remain.
 */
export async function doctorCommand(
  ctx: CliContext,
  options: { fix?: boolean; moveCorrupt?: boolean },
): Promise<number | undefined> {
  const { checkStore } = await import('../../store/store-doctor.js');
  // Diagnose the database as it is: no recovery of interrupted calls first.
  const store = await ctx.store({ recover: false });
  const report = await checkStore(store, {
    ...(options.fix ? { fix: true } : {}),
    ...(options.moveCorrupt ? { moveCorrupt: true } : {}),
  });
  ctx.emit({ ok: report.problems.length === 0, ...report }, () => {
    const lines = [
      `数据库 Database: ${report.location} (${report.checked.records} records, ${report.checked.sessions} sessions checked)`,
    ];
    for (const line of report.fixed) lines.push(`已修复 Fixed: ${line}`);
    for (const p of report.problems) lines.push(`✗ ${p.file}: ${p.problem} → ${p.repair}`);
    for (const note of report.notes) lines.push(`注 Note: ${note}`);
    const fixable = report.problems.filter((p) => p.fix === true).length;
    const movable = report.problems.filter((p) => p.fix === 'move-corrupt').length;
    if (report.problems.length === 0) lines.push('✓ 没有发现问题 No problems found.');
    else {
      const hints = [
        fixable > 0 ? `${fixable} repaired by \`cs doctor --fix\`` : '',
        movable > 0 ? `${movable} damaged files moved aside by \`cs doctor --fix --move-corrupt\`` : '',
      ].filter((h) => h !== '');
      lines.push(
        `发现 ${report.problems.length} 个问题 ${report.problems.length} problem(s) remain${hints.length > 0 ? ` (${hints.join('; ')})` : ''}.`,
      );
    }
    return lines.join('\n');
  });
  return report.problems.length > 0 ? 1 : undefined;
}
