// /dev/processes: the process table as text, for `ps` and anyone else, read
// only: one line per process (pid, parent's pid, group, the CPU it runs or
// last ran on, state, name) under
// a header. Each open is a snapshot (textfile.ts), so a reader sees one
// consistent table however it splits its reads, and end of file after it.
// docs/processes.md, "Devices and files".
import { TextBuilder } from 'tskc:text';
import { MAX_PROCESSES, processAt, State } from '../proc/process';

/** Writes `v` right-aligned in `width` columns, then a space. */
function column(t: TextBuilder, v: u64, width: i32): void {
  let digits: i32 = 1;
  for (let x = v; x >= 10; x /= 10) digits++;
  for (let i = digits; i < width; i++) t.byte(32);
  t.uint(v).byte(32);
}

function stateName(s: i32): string {
  if (s == State.Running) return 'running  ';
  if (s == State.Ready) return 'ready    ';
  if (s == State.Sleeping) return 'sleeping ';
  return 'zombie   ';
}

/** Writes the listing into `t` (a TextSource of textFileOpen). */
export function processListing(t: TextBuilder): void {
  t.str('  PID  PPID  PGID CPU STATE    NAME\n');
  for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
    const p = processAt(i);
    if (p === null || p.state == State.Dead) continue;
    column(t, u64(p.pid), 5);
    column(t, u64(p.ppid), 5);
    column(t, u64(p.pgid), 5);
    column(t, u64(p.cpu), 3);
    t.str(stateName(p.state)).str(p.name).byte(10);
  }
}
