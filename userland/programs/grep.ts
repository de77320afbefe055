// grep [-vcni] PATTERN [FILE…]: the lines of each FILE (or standard
// input) that contain PATTERN, a fixed string (-i: ASCII case ignored;
// -v: the lines that do not; -c: how many; -n: each with its line number;
// with several files, each line after `FILE:`). Exits 0 when a line was
// selected, 1 when none was, 2 on an error (`grep: x: No such file or
// directory`), as grep does. Built for tskc and Linux.
import { argAddr, argCount, flag, parseFlags } from '../lib/args';
import { allBytes, complainBare, complainText, openPath, readAll } from '../lib/fsutil';
import { printBytes, printf } from '../lib/print';
import { close, exit, isError } from '../lib/sys';
import { cstrLength } from '../lib/text';
import { O_RDONLY } from '../../kernel/syscall/numbers';

function lower(c: u8): u8 {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether the `len` bytes at `line` contain the `plen` bytes at `pat`. */
function contains(line: usize, len: usize, pat: usize, plen: usize, fold: bool): bool {
  if (plen > len) return false;
  for (let i: usize = 0; i + plen <= len; i++) {
    let k: usize = 0;
    while (k < plen) {
      const a = load<u8>(line + i + k);
      const b = load<u8>(pat + k);
      if (a != b && !(fold && lower(a) == lower(b))) break;
      k++;
    }
    if (k == plen) return true;
  }
  return false;
}

const first = parseFlags('vcni');
if (first < 0 || first >= argCount()) {
  complainText('grep', 'usage: grep [-vcni] PATTERN [FILE...]');
  exit(2);
}
const pat = argAddr(first);
const plen = cstrLength(pat);
const files = argCount() - first - 1;
let selected: i64 = 0;
let failed = false;

/** Greps the input open at `fd`, named `name` (0: none) in its lines. */
function grepFd(fd: i64, name: usize): void {
  const n = readAll(fd);
  if (isError(n)) {
    complainBare('grep', name == 0 ? changetype<usize>('(standard input)') + 8 : name, n);
    failed = true;
    return;
  }
  const p = allBytes();
  let count: i64 = 0;
  let lineNo: i64 = 0;
  let at: i64 = 0;
  while (at < n) {
    let end = at;
    while (end < n && load<u8>(p + usize(end)) != 10) end++;
    lineNo++;
    const hit = contains(p + usize(at), usize(end - at), pat, plen, flag('i'));
    if (hit != flag('v')) {
      count++;
      if (!flag('c')) {
        if (name != 0) {
          printBytes(name, cstrLength(name));
          printf(`:`);
        }
        if (flag('n')) printf(`${lineNo}:`);
        printBytes(p + usize(at), usize(end - at));
        printf(`\n`);
      }
    }
    at = end + 1;
  }
  if (flag('c')) {
    if (name != 0) {
      printBytes(name, cstrLength(name));
      printf(`:`);
    }
    printf(`${count}\n`);
  }
  selected += count;
}

if (files == 0) grepFd(0, 0);
for (let i = first + 1; i < argCount(); i++) {
  const fd = openPath(argAddr(i), O_RDONLY, 0);
  if (isError(fd)) {
    complainBare('grep', argAddr(i), fd);
    failed = true;
    continue;
  }
  grepFd(fd, files > 1 ? argAddr(i) : 0);
  close(fd);
}
exit(failed ? 2 : selected > 0 ? 0 : 1);
