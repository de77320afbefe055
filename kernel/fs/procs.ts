// /dev/processes: the process table as text, for `ps` and anyone else, read
// only. Each open takes a snapshot (one line per process: pid, parent's
// pid, group, state, name) that reads then return in order, so a reader
// sees one consistent table however it splits its reads, and end of file
// after it. The snapshot is freed with the last fd that refers to it.
// docs/processes.md, "Devices and files".
import { writeString, writeUnsigned } from '../lib/fmt';
import { copyToUser } from '../mm/usercopy';
import { MAX_PROCESSES, processAt, State } from '../proc/process';
import { EBADF } from '../syscall/numbers';
import { Device } from './device';

export const PROCESSES_PATH = '/dev/processes';
/** Bytes of one line at most: four numbers of up to 5 digits and a name, padded. */
const LINE_MAX: i32 = 80;
const HEADER = '  PID  PPID  PGID STATE    NAME\n';
const HEADER_BYTES: i32 = 32;

let fill: Uint8Array | null = null;
let filled: i32 = 0;

function put(b: u8): void {
  const t = fill!;
  if (filled < t.length) {
    t[filled] = b;
    filled++;
  }
}

/** Writes `v` right-aligned in `width` columns, then a space. */
function column(v: u64, width: i32): void {
  let digits: i32 = 1;
  for (let x = v; x >= 10; x /= 10) digits++;
  for (let i = digits; i < width; i++) put(32);
  writeUnsigned(v, 10, 1, put);
  put(32);
}

function stateName(s: i32): string {
  if (s == State.Running) return 'running  ';
  if (s == State.Ready) return 'ready    ';
  if (s == State.Sleeping) return 'sleeping ';
  return 'zombie   ';
}

class ProcessList extends Device {
  readonly text = new Uint8Array(HEADER_BYTES + MAX_PROCESSES * LINE_MAX);
  length: i32 = 0;
  offset: i32 = 0;
  refs: i32 = 0;

  constructor() {
    super();
    fill = this.text;
    filled = 0;
    writeString(HEADER, put);
    for (let i: i32 = 0; i < MAX_PROCESSES; i++) {
      const p = processAt(i);
      if (p === null || p.state == State.Dead) continue;
      column(u64(p.pid), 5);
      column(u64(p.ppid), 5);
      column(u64(p.pgid), 5);
      writeString(stateName(p.state), put);
      writeString(p.name, put);
      put(10);
    }
    this.length = filled;
    fill = null;
  }

  path(): string { return PROCESSES_PATH; }

  read(buf: u64, len: u64): i64 {
    const left = u64(this.length - this.offset);
    const n = len < left ? len : left;
    const r = copyToUser(buf, changetype<usize>(this.text) + 8 + usize(this.offset), n);
    if (r < 0) return r;
    this.offset += i32(n);
    return i64(n);
  }

  write(buf: u64, len: u64): i64 { return -EBADF; }

  opened(): void { this.refs++; }

  released(): void {
    this.refs--;
    if (this.refs > 0) return;
    free(this);
  }
}

/** A new snapshot of the process table, for one open of /dev/processes. */
export function processList(): Device {
  return new ProcessList();
}
