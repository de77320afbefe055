// A temporary line echo, until the shell exists: reads characters from the
// console (keyboard and serial), edits one line (backspace erases), and when
// enter comes prints it back as "echo: <line>". Control characters are shown
// as ^A … ^Z (so ctrl combinations are visible on both screen and serial).
// Input is polled: consolePoll() stands in for the keyboard and serial IRQs.
import { consolePoll, consolePutByte, consoleReadByte, consoleWrite } from './console/console';

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

function finishLine(): void {
  consoleWrite('\necho: ');
  for (let i: i32 = 0; i < length; i++) show(line[i]);
  consoleWrite('\n> ');
  length = 0;
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

/** Echoes forever. */
export function echoLoop(): void {
  consoleWrite('> ');
  while (true) {
    consolePoll(); // POLLING: replace with hlt() once IRQ 1 and IRQ 4 fill the rings
    const c = consoleReadByte();
    if (c < 0) {
      pause();
      continue;
    }
    if (c == 10) finishLine();
    else if (c == 8) erase();
    else accept(u8(c));
  }
}
