// The shell's cooked-mode line editor, a pure state machine: feed it input
// bytes one at a time and it echoes through a ByteSink and says when a line
// is committed or cancelled. It knows nothing of syscalls, so tests (and a
// kernel-side console later) can drive it with any byte source and sink.
//
// Keys: printable ASCII is stored and echoed; Backspace (0x08) or DEL (0x7f)
// erases the last character on screen with "\b \b" and does nothing on an
// empty line; Ctrl+C (0x03) prints "^C", a newline, and cancels the line;
// Enter (CR or LF; an LF right after a CR is the same Enter) commits. The
// line holds LINE_CAPACITY bytes: further characters are refused, neither
// stored nor echoed, but counted (`dropped`), so Backspace takes them back
// first and the shell can refuse the whole line with a notice at Enter.
// Other control bytes and bytes ≥ 0x80 are ignored.

import type { ByteSink } from '../../kernel/lib/fmt';

export const LINE_CAPACITY: i32 = 128;

export const enum Edit {
  /** Keep feeding bytes. */
  Pending = 0,
  /** Enter: the line (line[0 … length)) is ready; `dropped` says whether characters were refused. */
  Commit = 1,
  /** Ctrl+C: the line was thrown away. */
  Cancel = 2,
}

const BACKSPACE: u8 = 0x08;
const DELETE: u8 = 0x7f;
const CTRL_C: u8 = 0x03;
const CR: u8 = 0x0d;
const LF: u8 = 0x0a;

export class LineEditor {
  readonly line = new Uint8Array(128);
  length: i32 = 0;
  /** Characters typed past the capacity: not stored, not echoed. */
  dropped: i32 = 0;
  private afterCR: bool = false;

  /** Starts a new, empty line. */
  reset(): void {
    this.length = 0;
    this.dropped = 0;
  }

  /** The address of the line's first byte. */
  bytes(): usize {
    return changetype<usize>(this.line) + 8;
  }

  feed(b: u8, echo: ByteSink): Edit {
    const wasCR = this.afterCR;
    this.afterCR = b == CR;
    if (b == LF && wasCR) return Edit.Pending;
    if (b == CR || b == LF) {
      echo(LF);
      return Edit.Commit;
    }
    if (b == CTRL_C) {
      echo(94); // '^'
      echo(67); // 'C'
      echo(LF);
      this.reset();
      return Edit.Cancel;
    }
    if (b == BACKSPACE || b == DELETE) {
      this.erase(echo);
      return Edit.Pending;
    }
    if (b < 32 || b >= 127) return Edit.Pending;
    if (this.length == LINE_CAPACITY) {
      this.dropped++;
      return Edit.Pending;
    }
    this.line[this.length] = b;
    this.length++;
    echo(b);
    return Edit.Pending;
  }

  private erase(echo: ByteSink): void {
    if (this.dropped > 0) {
      this.dropped--; // the refused characters are the last ones typed
      return;
    }
    if (this.length == 0) return;
    this.length--;
    echo(BACKSPACE);
    echo(32);
    echo(BACKSPACE);
  }
}
