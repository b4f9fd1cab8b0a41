import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on every platform Node runs on). */
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it has gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    // The command name may hold spaces and parentheses: count fields from the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by every PostgreSQL process on this machine (the peer's backends, those of
 * anyone else using it, and its background workers): where the database's share of a run went.
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return total;
}
