import type { Language } from './language.js';
import type { PermissionCategory } from './record-schemas.js';

/**
 * The one table of permission-status words. `label` is the seed's block label (`✓ 可立即批准`);
 * `outcome` says what came of a request in a review (`已办理`, `needs supervisor approval`).
 */
export const PERMISSION_LABELS: Record<
  Language,
  Record<PermissionCategory, { label: string; outcome: string }>
> = {
  zh: {
    can_approve_immediately: { label: '✓ 可立即批准', outcome: '已办理' },
    requires_supervisor: { label: '⚠ 需要主管审批', outcome: '需主管审批' },
    requires_process: { label: '⚠ 需要走流程', outcome: '需走流程' },
    forbidden: { label: '✗ 禁止操作', outcome: '无法办理' },
  },
  en: {
    can_approve_immediately: { label: '✓ Approved', outcome: 'done' },
    requires_supervisor: { label: '⚠ Needs supervisor approval', outcome: 'needs supervisor approval' },
    requires_process: { label: '⚠ Needs formal process', outcome: 'needs a formal process' },
    forbidden: { label: '✗ Forbidden', outcome: 'refused' },
  },
};

/** The seed's label of a status; a status no table knows is shown as it is. */
export function permissionLabel(status: string, language: Language): string {
  return PERMISSION_LABELS[language][status as PermissionCategory]?.label ?? status;
}

/** What came of a request with this status, for reviews. */
export function permissionOutcome(status: string, language: Language): string {
  return PERMISSION_LABELS[language][status as PermissionCategory]?.outcome ?? status;
}
