// repeat N COMMAND…: spawns COMMAND (a program and its arguments) N times in
// a row, each waited for, then prints "repeat: N runs, F failed" (a run
// fails when spawn fails or the program's status is not 0). Used to check
// that processes give back everything they own (the 1,000-process test).

import { argAddr, argCount, argNumber } from '../lib/args';
import { printf, println } from '../lib/print';
import { exit, isError, spawn } from '../lib/sys';
import { cstrLength } from '../lib/text';

const line: usize = memory.data(256);

/** Joins arguments 2… into `line` with single spaces; the length, or -1 if it does not fit. */
function commandLine(): i64 {
  let n: usize = 0;
  for (let i: i32 = 2; i < argCount(); i++) {
    const a = argAddr(i);
    const len = cstrLength(a);
    if (n + len + 1 > 256) return -1;
    if (n > 0) {
      store<u8>(line + n, 32);
      n++;
    }
    memcpy(line + n, a, len);
    n += len;
  }
  return i64(n);
}

function repeat(): void {
  const times = argNumber(1, -1);
  const len = commandLine();
  if (times < 0 || len <= 0) {
    println('usage: repeat N PROGRAM [ARGS]');
    exit(2);
  }
  let failed: i64 = 0;
  for (let i: i64 = 0; i < times; i++) {
    const status = spawn(line, usize(len));
    if (isError(status) || status != 0) failed++;
  }
  printf(`repeat: ${times} runs, ${failed} failed\n`);
  exit(failed == 0 ? 0 : 1);
}

repeat();
