// The shell: reads fd 0 one byte at a time through the line editor, runs
// each committed line as a command, and starts over with a prompt (which
// shows the current directory, dirs.ts). A line
// that overflowed the editor's buffer is refused as a whole with a notice,
// never run cut short. End of input (read returns 0 or fails other than
// by a signal's EINTR) ends the shell with status 0. First, the system's
// first shell runs /etc/rc (rc.ts).

import { print, printByte, printf } from '../lib/print';
import { EINTR } from '../../kernel/syscall/numbers';
import { read } from '../lib/sys';
import { runCommand } from './commands';
import { printPrompt } from './dirs';
import { Edit, LINE_CAPACITY, LineEditor } from './editor';
import { runRc } from './rc';
import { shellJobsInit } from './run';

const editor = new LineEditor();
const inByte: usize = memory.data(8);

/** The echo sink: each byte is written at once. */
function echo(b: u8): void {
  printByte(b);
}

function shell(): void {
  printPrompt();
  while (true) {
    const n = read(0, inByte, 1);
    if (n == -EINTR) continue;
    if (n <= 0) break;
    const e = editor.feed(load<u8>(inByte), echo);
    if (e == Edit.Commit) {
      if (editor.dropped > 0) {
        printf(`shell: line too long (${LINE_CAPACITY + editor.dropped} characters, at most ${LINE_CAPACITY}); not run\n`);
      } else {
        runCommand(editor.bytes(), usize(editor.length));
      }
      editor.reset();
    }
    if (e != Edit.Pending) printPrompt();
  }
  print('\n');
}

shellJobsInit();
runRc();
shell();
