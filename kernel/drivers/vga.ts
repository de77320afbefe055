// VGA text-mode driver: an 80x25 screen of 16-bit cells (character in the
// low byte, colour attribute in the high byte) at physical 0xB8000.

const VGA_BASE: usize = 0xb8000;
const COLS: i32 = 80;
const ROWS: i32 = 25;
const LIGHT_GREY_ON_BLACK: u16 = 0x0700;

let row: i32 = 0;
let col: i32 = 0;

function cellAddress(r: i32, c: i32): usize {
  return VGA_BASE + usize(r * COLS + c) * 2;
}

/** Blanks the screen and moves the cursor to the top left. */
export function vgaClear(): void {
  for (let r: i32 = 0; r < ROWS; r++) {
    for (let c: i32 = 0; c < COLS; c++) volatileStore<u16>(cellAddress(r, c), LIGHT_GREY_ON_BLACK | 32);
  }
  row = 0;
  col = 0;
}

export function vgaPutChar(ch: u8): void {
  if (ch == 10) {
    col = 0;
    row++;
  } else {
    volatileStore<u16>(cellAddress(row, col), LIGHT_GREY_ON_BLACK | u16(ch));
    col++;
    if (col == COLS) {
      col = 0;
      row++;
    }
  }
  if (row == ROWS) row = 0; // scrolling comes with the console driver
}

export function vgaWrite(s: string): void {
  const bytes = changetype<usize>(s) + 8;
  const n = usize(s.length);
  for (let i: usize = 0; i < n; i++) vgaPutChar(load<u8>(bytes + i));
}
