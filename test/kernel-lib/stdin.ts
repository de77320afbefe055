// Host-side helper for the kernel-library test programs (linux target):
// reads all of standard input into a static buffer.

const STDIN_CAPACITY: i64 = 1048576;
const stdinBuffer: usize = memory.data(1048576);

/** Reads stdin to its end; returns the address of the bytes and stores their count in `stdinLength`. */
export let stdinLength: i32 = 0;

export function readStdin(): usize {
  let total: i64 = 0;
  while (total < STDIN_CAPACITY) {
    const n = syscall(0, 0, stdinBuffer + usize(total), STDIN_CAPACITY - total);
    if (n <= 0) break;
    total += n;
  }
  stdinLength = i32(total);
  return stdinBuffer;
}
