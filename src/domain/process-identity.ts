import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who runs a piece of work: host, pid and the process's start time. The start time tells a
 * live process from a later one that reused the pid, so work left by a dead process (a call's
 * journal, a claim on a live session) can be taken over at once instead of after a timeout.
 */
export interface ProcessIdentity {
  host: string;
  pid: number;
  /** Clock ticks since boot when the process started (Linux /proc); 0 where unknown. */
  started: number;
}

let self: ProcessIdentity | undefined;

/** This process. */
export function currentProcess(): ProcessIdentity {
  self ??= { host: hostname(), pid: process.pid, started: processStartTime(process.pid) ?? 0 };
  return self;
}

/**
 * False only when the owner is known to be gone: same host, and its pid is not running or now
 * belongs to a process that started at another time. An owner on another host is presumed
 * alive (only its own host can tell).
 */
export function isProcessAlive(owner: ProcessIdentity): boolean {
  if (owner.host !== currentProcess().host) return true;
  if (owner.pid === process.pid) return owner.started === currentProcess().started;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (owner.started === 0) return true;
  const started = processStartTime(owner.pid);
  return started === undefined || started === owner.started;
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command, which may hold spaces). */
function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Parses an identity read back from a file or a row; undefined when it is not one. */
export function parseProcessIdentity(value: unknown): ProcessIdentity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.host !== 'string' || typeof v.pid !== 'number' || typeof v.started !== 'number')
    return undefined;
  return { host: v.host, pid: v.pid, started: v.started };
}
