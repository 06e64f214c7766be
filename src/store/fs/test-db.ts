import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../domain/clock.js';

/** The legacy fixture (read-only; tests copy it). */
export const LEGACY_DB = join(process.cwd(), '../shared/fixtures/legacy-db/customer_service');

/** A fresh temp folder for one test; `cleanup` removes it. */
export async function makeTempDir(prefix = 'cs-fs-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of the legacy fixture database in a temp folder. */
export async function copyLegacyDb(): Promise<{ dir: string; db: string; cleanup: () => Promise<void> }> {
  const temp = await makeTempDir('cs-legacy-');
  const db = join(temp.dir, 'customer_service');
  await cp(LEGACY_DB, db, { recursive: true });
  return { ...temp, db };
}

/** A clock that moves one second per reading, from 2026-01-25 09:00:00 local time. */
export function steppingClock(start = new Date(2026, 0, 25, 9, 0, 0)): Clock {
  let t = start.getTime();
  return {
    now: () => {
      const d = new Date(t);
      t += 1000;
      return d;
    },
  };
}

/** A valid customer's fields. */
export function customerFields(
  name: string,
  phone: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    phone,
    type: 'new',
    background: '测试客户',
    communication_style: '直接',
    special_needs: '无',
    ...extra,
  };
}
