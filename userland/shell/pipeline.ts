// Pipelines: `a | b | c` runs the three programs at once, each one's
// standard output a pipe into the next one's standard input. The shell
// points its own fd 0 and 1 at the pipe ends while it starts each stage
// (a forked child has the shell's fds, and keeps them through execve but
// those marked close-on-exec), then puts its own back; every pipe fd it
// holds is close-on-exec, so no child keeps an end open by mistake. The
// stages share one process group, the first stage's: in the foreground it
// gets the console's Ctrl+C while the shell waits for every stage, and the
// pipeline's status is the last stage's (as in sh); with a final `&` its
// pids become background jobs.

import { F_DUPFD_CLOEXEC, O_CLOEXEC } from '../../kernel/syscall/numbers';
import { environ } from '../lib/args';
import { println } from '../lib/print';
import { close, dup2, fcntl, isError, pipe2 } from '../lib/sys';
import { skipSpaces, wordEnd } from '../lib/text';
import { background, foreground, setLastStatus, startProgram, statusNumber, waitChild } from './run';

/** The most stages of one pipeline. */
const MAX_STAGES: i32 = 8;
const pids = new Int64Array(8);
const ends = new Int32Array(2);

/** Whether the `end - start` bytes at p + start hold a `|`. */
export function isPipeline(p: usize, start: usize, end: usize): bool {
  for (let i = start; i < end; i++) if (load<u8>(p + i) == 124) return true;
  return false;
}

/** The index of the next `|` at or after `from` (below `end`), or `end`. */
function stageEnd(p: usize, from: usize, end: usize): usize {
  let i = from;
  while (i < end && load<u8>(p + i) != 124) i++;
  return i;
}

/**
 * Runs the pipeline in bytes [start, end) of the line at `p`; `addJob` takes
 * each pid when it runs in the background, else the shell waits and
 * `report` says how the last stage ended. Returns the number of stages
 * started.
 */
export function runPipeline(p: usize, start: usize, end: usize, inBackground: bool, addJob: (pid: i64) => void, report: (name: usize, nameLen: usize, status: i32) => void): i32 {
  const savedIn = fcntl(0, F_DUPFD_CLOEXEC, 10);
  const savedOut = fcntl(1, F_DUPFD_CLOEXEC, 10);
  if (isError(savedIn) || isError(savedOut)) {
    println('shell: no fds left for a pipeline');
    return 0;
  }
  let count: i32 = 0;
  let lastName: usize = 0;
  let lastLen: usize = 0;
  let from = start;
  let ok = true;
  while (from <= end && ok) {
    const stop = stageEnd(p, from, end);
    const s = skipSpaces(p, from, stop);
    let e = stop;
    while (e > s && load<u8>(p + e - 1) == 32) e--;
    if (s == e || count == MAX_STAGES) {
      println(s == e ? 'shell: a pipeline stage is empty' : 'shell: too many stages (at most 8)');
      ok = false;
      break;
    }
    const last = stop == end;
    if (!last) {
      if (isError(pipe2(changetype<usize>(ends) + 8, O_CLOEXEC))) {
        println('shell: cannot make a pipe');
        ok = false;
        break;
      }
      dup2(i64(ends[1]), 1);
      close(i64(ends[1]));
    } else dup2(savedOut, 1);
    const pid = startProgram(p, s, e, count == 0 ? 0 : pids[0], environ(), count == 0 && !inBackground);
    if (pid < 0) ok = false;
    else {
      pids[count] = pid;
      count++;
      lastName = p + s;
      lastLen = wordEnd(p, s, e) - s;
    }
    if (!last) {
      dup2(i64(ends[0]), 0); // the next stage reads this pipe
      close(i64(ends[0]));
    }
    from = stop + 1;
  }
  dup2(savedIn, 0);
  dup2(savedOut, 1);
  close(savedIn);
  close(savedOut);
  if (inBackground) {
    for (let i: i32 = 0; i < count; i++) addJob(pids[i]);
    return count;
  }
  if (count == 0) return 0;
  foreground(pids[0]);
  let status: i32 = 0;
  for (let i: i32 = 0; i < count; i++) status = waitChild(pids[i]);
  background(status);
  setLastStatus(statusNumber(status));
  if (ok) report(lastName, lastLen, status);
  return count;
}
