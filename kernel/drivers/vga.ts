// VGA text-mode driver: an 80x25 screen of 16-bit cells (character in the
// low byte, colour attribute in the high byte) at physical 0xB8000 (reached
// through the kernel's direct map, kernel/mm/phys.ts), and the
// hardware cursor, set through the CRT controller's index/data ports.
//
// A teletype (vgaPutChar: newline, carriage return, backspace, tab, wrap and
// scroll, the cursor following) plus absolute-position writes (vgaWriteAt,
// which never move the cursor) and a current colour (vgaSetColor).
import { writeString } from '../lib/fmt';
import { physToVirt } from '../mm/phys';

const VGA_PHYS: u64 = 0xb8000;
export const VGA_COLS: i32 = 80;
export const VGA_ROWS: i32 = 25;
const TAB_WIDTH: i32 = 8;

const CRTC_INDEX: u16 = 0x3d4;
const CRTC_DATA: u16 = 0x3d5;
const CRTC_CURSOR_START: u8 = 0x0a; // bit 5: cursor off; bits 0-4: first scan line
const CRTC_CURSOR_END: u8 = 0x0b; // bits 0-4: last scan line
const CRTC_CURSOR_HIGH: u8 = 0x0e;
const CRTC_CURSOR_LOW: u8 = 0x0f;

/** The 16 VGA colours; a cell's attribute is background << 4 | foreground. */
export const enum VgaColor {
  Black = 0, Blue, Green, Cyan, Red, Magenta, Brown, LightGrey,
  DarkGrey, LightBlue, LightGreen, LightCyan, LightRed, LightMagenta, Yellow, White,
}

/** The attribute byte of `fg` on `bg`. */
export function vgaAttribute(fg: VgaColor, bg: VgaColor): u8 {
  return u8((bg << 4) | fg);
}

const DEFAULT_ATTRIBUTE: u8 = 0x07; // light grey on black

let row: i32 = 0;
let col: i32 = 0;
let attribute: u8 = DEFAULT_ATTRIBUTE;

function cellAddress(r: i32, c: i32): usize {
  return physToVirt(VGA_PHYS) + usize(r * VGA_COLS + c) * 2;
}

function cell(ch: u8, attr: u8): u16 {
  return (u16(attr) << 8) | u16(ch);
}

function crtcWrite(index: u8, value: u8): void {
  outb(CRTC_INDEX, index);
  outb(CRTC_DATA, value);
}

function crtcRead(index: u8): u8 {
  outb(CRTC_INDEX, index);
  return inb(CRTC_DATA);
}

/** Moves the blinking hardware cursor to the teletype position. */
function syncCursor(): void {
  const pos = u16(row * VGA_COLS + col);
  crtcWrite(CRTC_CURSOR_LOW, u8(pos & 0xff));
  crtcWrite(CRTC_CURSOR_HIGH, u8(pos >> 8));
}

/** The cursor position as the CRT controller holds it (row * 80 + column). */
export function vgaHardwareCursor(): i32 {
  return (i32(crtcRead(CRTC_CURSOR_HIGH)) << 8) | i32(crtcRead(CRTC_CURSOR_LOW));
}

/** Turns the hardware cursor on as an underline (scan lines 14-15) and clears the screen. */
export function vgaInit(): void {
  crtcWrite(CRTC_CURSOR_START, (crtcRead(CRTC_CURSOR_START) & 0xc0) | 14);
  crtcWrite(CRTC_CURSOR_END, (crtcRead(CRTC_CURSOR_END) & 0xe0) | 15);
  attribute = DEFAULT_ATTRIBUTE;
  vgaClear();
}

/** Sets the colour of the characters written from now on. */
export function vgaSetColor(fg: VgaColor, bg: VgaColor): void {
  attribute = vgaAttribute(fg, bg);
}

/** Back to light grey on black. */
export function vgaResetColor(): void {
  attribute = DEFAULT_ATTRIBUTE;
}

function blankRow(r: i32): void {
  for (let c: i32 = 0; c < VGA_COLS; c++) volatileStore<u16>(cellAddress(r, c), cell(32, attribute));
}

/** Blanks the screen in the current colour and moves the cursor to the top left. */
export function vgaClear(): void {
  for (let r: i32 = 0; r < VGA_ROWS; r++) blankRow(r);
  row = 0;
  col = 0;
  syncCursor();
}

/** Moves every row up by one; the bottom row becomes blank. The cursor stays where it is. */
export function vgaScroll(): void {
  const base = physToVirt(VGA_PHYS);
  memcpy(base, base + usize(VGA_COLS) * 2, usize((VGA_ROWS - 1) * VGA_COLS) * 2); // rows 1… move up one row
  blankRow(VGA_ROWS - 1);
}

function newline(): void {
  col = 0;
  row++;
  if (row == VGA_ROWS) {
    vgaScroll();
    row = VGA_ROWS - 1;
  }
}

function putVisible(ch: u8): void {
  volatileStore<u16>(cellAddress(row, col), cell(ch, attribute));
  col++;
  if (col == VGA_COLS) newline();
}

/**
 * Writes one byte as a teletype does: '\n' starts the next line, '\r' goes
 * back to column 0, '\b' moves one cell left (to the end of the previous
 * line at column 0; it erases nothing: write "\b \b" for that), '\t' pads
 * with spaces to the next multiple of 8; any other byte is shown as its
 * code-page-437 glyph. Past the last row the screen scrolls.
 */
export function vgaPutChar(ch: u8): void {
  put(ch);
  syncCursor();
}

/** vgaPutChar for the `n` bytes at `p`, moving the hardware cursor once at the end. */
export function vgaPutBytes(p: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) put(load<u8>(p + i));
  syncCursor();
}

/** One byte as vgaPutChar describes, without moving the hardware cursor. */
function put(ch: u8): void {
  if (ch == 10) {
    newline();
  } else if (ch == 13) {
    col = 0;
  } else if (ch == 8) {
    if (col > 0) col--;
    else if (row > 0) {
      row--;
      col = VGA_COLS - 1;
    }
  } else if (ch == 9) {
    const next = (col / TAB_WIDTH + 1) * TAB_WIDTH;
    while (col < next && col < VGA_COLS) putVisible(32);
  } else {
    putVisible(ch);
  }
}

/** Writes a string through vgaPutChar. */
export function vgaWrite(s: string): void {
  writeString(s, vgaPutChar);
}

/**
 * Writes `s` from (r, c) on in colour `attr`, byte for byte (no control
 * characters), clipped at the end of the row; the cursor does not move.
 */
export function vgaWriteAt(r: i32, c: i32, s: string, attr: u8): void {
  if (r < 0 || r >= VGA_ROWS) return;
  const bytes = changetype<usize>(s) + 8;
  for (let i: i32 = 0; i < s.length && c + i < VGA_COLS; i++) {
    if (c + i >= 0) volatileStore<u16>(cellAddress(r, c + i), cell(load<u8>(bytes + usize(i)), attr));
  }
}

/** The teletype position: row * 80 + column. */
export function vgaCursor(): i32 {
  return row * VGA_COLS + col;
}
