// Redirections of a program's words, done in the forked child before
// execve: `< FILE` (or `<FILE`) opens FILE read-only as fd 0. Output
// redirection (`>`, `>>`) is refused with a message: the volume is mounted
// read-only, so a file could not be opened for writing. The redirection
// words are taken out of argv.

import { O_RDONLY } from '../../kernel/syscall/numbers';
import { print, printBytes, printf } from '../lib/print';
import { close, dup2, errnoName, isError, openAt } from '../lib/sys';
import { cstrLength } from '../lib/text';

/** Removes word `i` of the `n` argv pointers at `argv` (the NULL after them moves too). */
function drop(argv: usize, i: i32, n: i32): void {
  memcpy(argv + usize(i) * 8, argv + usize(i + 1) * 8, usize(n - i) * 8);
}

/**
 * Applies the redirections among the `n` words of `argv` and removes them;
 * the number of words left, or -1 after saying why it failed.
 */
export function applyRedirections(argv: usize, n: i32): i32 {
  let i: i32 = 0;
  while (i < n) {
    const w = load<usize>(argv + usize(i) * 8);
    const c = load<u8>(w);
    if (c == 62) { // '>'
      print('shell: output redirection (> and >>) is not supported yet: the volume is read-only\n');
      return -1;
    }
    if (c != 60) { // '<'
      i++;
      continue;
    }
    let file = w + 1;
    let words: i32 = 1;
    if (load<u8>(file) == 0) {
      if (i + 1 >= n) {
        print('shell: < needs a file\n');
        return -1;
      }
      file = load<usize>(argv + usize(i + 1) * 8);
      words = 2;
    }
    const fd = openAt(file, O_RDONLY);
    if (isError(fd)) {
      print('shell: cannot open ');
      printBytes(file, cstrLength(file));
      printf(`: ${errnoName(-fd)} (${-fd})\n`);
      return -1;
    }
    if (fd != 0) {
      dup2(fd, 0);
      close(fd);
    }
    for (let k: i32 = 0; k < words; k++) {
      drop(argv, i, n);
      n--;
    }
  }
  return n;
}
