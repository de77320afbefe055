// Redirections of a program's words, done in the forked child before
// execve: `< FILE` opens FILE read-only as fd 0, `> FILE` creates or
// empties FILE as fd 1, `>> FILE` appends to it (created when missing);
// the file may follow the sign in the same word (`>out`) or the next.
// The redirection words are taken out of argv; a file that cannot be
// opened ends the child with a message, and the program never runs.

import { O_APPEND, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../../kernel/syscall/numbers';
import { print, printBytes, printf } from '../lib/print';
import { close, dup2, errnoName, isError, openAtMode } from '../lib/sys';
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
    if (c != 60 && c != 62) { // neither '<' nor '>'
      i++;
      continue;
    }
    const append = c == 62 && load<u8>(w + 1) == 62; // '>>'
    let file = w + (append ? 2 : 1);
    let words: i32 = 1;
    if (load<u8>(file) == 0) {
      if (i + 1 >= n) {
        print(c == 60 ? 'shell: < needs a file\n' : append ? 'shell: >> needs a file\n' : 'shell: > needs a file\n');
        return -1;
      }
      file = load<usize>(argv + usize(i + 1) * 8);
      words = 2;
    }
    const target: i64 = c == 60 ? 0 : 1;
    const flags = c == 60 ? O_RDONLY : O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
    const fd = openAtMode(file, flags, 0o644);
    if (isError(fd)) {
      print('shell: cannot open ');
      printBytes(file, cstrLength(file));
      printf(`: ${errnoName(-fd)} (${-fd})\n`);
      return -1;
    }
    if (fd != target) {
      dup2(fd, target);
      close(fd);
    }
    for (let k: i32 = 0; k < words; k++) {
      drop(argv, i, n);
      n--;
    }
  }
  return n;
}
