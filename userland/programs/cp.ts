// cp SOURCE DEST, or cp SOURCE… DIRECTORY: copies each regular file's
// bytes (DEST created or emptied, mode 0644; into DIRECTORY under the
// source's last name). A directory is left out. GNU's complaints on
// standard error (`cp: cannot stat 'x': No such file or directory`);
// exits 1 if anything failed. Built for tskc and Linux.
import { complain, eachSource, isDirMode, openPath, stMode, statPath } from '../lib/fsutil';
import { close, exit, isError, read, writeAll } from '../lib/sys';
import { O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../../kernel/syscall/numbers';

const buf: usize = memory.data(65536);

/** Copies file `from` to `to`: true, or false after saying why. */
function copy(from: usize, to: usize): bool {
  const s = statPath(from, false);
  if (isError(s)) {
    complain('cp', 'cannot stat', from, s);
    return false;
  }
  if (isDirMode(stMode())) {
    complain('cp', '-r not specified; omitting directory', from, 0);
    return false;
  }
  const src = openPath(from, O_RDONLY, 0);
  if (isError(src)) {
    complain('cp', 'cannot open', from, src);
    return false;
  }
  const dst = openPath(to, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  if (isError(dst)) {
    complain('cp', 'cannot create regular file', to, dst);
    close(src);
    return false;
  }
  let r: i64 = 0;
  while (true) {
    r = read(src, buf, 65536);
    if (r <= 0) break;
    r = writeAll(dst, buf, usize(r));
    if (isError(r)) break;
  }
  if (isError(r)) complain('cp', 'error copying to', to, r);
  close(src);
  close(dst);
  return !isError(r);
}

exit(eachSource('cp', copy));
