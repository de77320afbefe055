// The test build's line console (kernel/config.ts), before any process: reads characters from the
// console (keyboard and serial), edits one line (backspace erases), and when
// enter comes prints it back as "echo: <line>". Control characters are shown
// as ^A … ^Z (so ctrl combinations are visible on both screen and serial).
// Input arrives through IRQ 1 and IRQ 4 into the drivers' rings; between
// inputs the CPU sleeps (hlt). In a test build each finished line is also
// offered to the test commands (kernel/config.ts); the line `shell` ends
// the loop, and the kernel goes on to start the shell as a normal build does.
import { consolePutByte, consoleReadByte, consoleWrite } from './console/console';
import { runTestCommand } from './config';
import { bklIdleWait } from './cpu/bkl';

const LINE_MAX: i32 = 36; // "echo: " plus 36 caret-escaped bytes fit in 80 columns
const line = new Uint8Array(36);
let length: i32 = 0;

/** Shows byte `b` as the console displays it: itself, or ^X for control characters. */
function show(b: u8): void {
  if (b < 32 || b == 127) {
    consolePutByte(94); // '^'
    consolePutByte(b ^ 0x40);
  } else {
    consolePutByte(b);
  }
}

/** Cells byte `b` takes on screen when shown. */
function width(b: u8): i32 {
  return b < 32 || b == 127 ? 2 : 1;
}

/** Whether the line is exactly `shell`. */
function isShell(): bool {
  const word = 'shell';
  if (length != word.length) return false;
  for (let i: i32 = 0; i < length; i++) if (i32(line[i]) != word.charCodeAt(i)) return false;
  return true;
}

/** Echoes the finished line and runs it as a test command; true when it was `shell`. */
function finishLine(): bool {
  consoleWrite('\necho: ');
  for (let i: i32 = 0; i < length; i++) show(line[i]);
  consoleWrite('\n');
  if (isShell()) return true;
  runTestCommand(line, length);
  consoleWrite('> ');
  length = 0;
  return false;
}

function erase(): void {
  if (length == 0) return; // nothing to erase: the prompt stays
  length--;
  for (let i: i32 = 0; i < width(line[length]); i++) consoleWrite('\b \b');
}

function accept(b: u8): void {
  if (length == LINE_MAX) return; // the line is full: ignore until enter or backspace
  line[length] = b;
  length++;
  show(b);
}

/** Echoes lines until the line `shell`. */
export function echoLoop(): void {
  consoleWrite('> ');
  while (true) {
    cli(); // so that no byte can arrive between the empty check and the hlt
    const c = consoleReadByte();
    if (c < 0) {
      bklIdleWait(); // the other CPUs may use the kernel meanwhile
      continue;
    }
    sti();
    if (c == 10) {
      if (finishLine()) return;
    } else if (c == 8) erase();
    else accept(u8(c));
  }
}
