// mv SOURCE DEST, or mv SOURCE… DIRECTORY: renames each SOURCE (renameat;
// into DIRECTORY under its last name). `mv: cannot stat 'x': No such file
// or directory`, `mv: cannot move 'a' to 'b': Directory not empty` on
// standard error; exits 1 if any failed. Built for tskc and Linux.
import { complain, eachSource, errnoText, renamePath, statPath } from '../lib/fsutil';
import { exit, isError, writeAll } from '../lib/sys';
import { cstrLength } from '../lib/text';

function say(s: string): void {
  writeAll(2, changetype<usize>(s) + 8, usize(s.length));
}

function sayPath(p: usize): void {
  writeAll(2, p, cstrLength(p));
}

/** Moves `from` to `to`: true, or false after saying why. */
function move(from: usize, to: usize): bool {
  const s = statPath(from, true);
  const r = isError(s) ? s : renamePath(from, to);
  if (!isError(r)) return true;
  if (isError(s)) complain('mv', 'cannot stat', from, s);
  else {
    say("mv: cannot move '");
    sayPath(from);
    say("' to '");
    sayPath(to);
    say("': ");
    say(errnoText(-r));
    say('\n');
  }
  return false;
}

exit(eachSource('mv', move));
