// kernel/drivers/keymap.ts, compiled for the host: scancode set 1 sequences
// built from the test's own US-layout table go in, the bytes a user typing
// them expects must come out.
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../fuzz/generator.js';
import { buildHostProgram, runWithInput } from './host.js';

// Set 1 make codes of the US layout, rows as on the keyboard: [unshifted, shifted, first code].
const ROWS: [string, string, number][] = [
  ['1234567890-=', '!@#$%^&*()_+', 0x02],
  ['qwertyuiop[]', 'QWERTYUIOP{}', 0x10],
  ["asdfghjkl;'`", 'ASDFGHJKL:"~', 0x1e],
  ['\\zxcvbnm,./', '|ZXCVBNM<>?', 0x2b],
];
const KEY = new Map<string, { code: number; shift: boolean }>([
  [' ', { code: 0x39, shift: false }],
  ['\n', { code: 0x1c, shift: false }],
  ['\b', { code: 0x0e, shift: false }],
  ['\t', { code: 0x0f, shift: false }],
  ['\x1b', { code: 0x01, shift: false }],
]);
for (const [plain, shifted, first] of ROWS) {
  [...plain].forEach((c, i) => KEY.set(c, { code: first + i, shift: false }));
  [...shifted].forEach((c, i) => KEY.set(c, { code: first + i, shift: true }));
}

const LSHIFT = 0x2a, RSHIFT = 0x36, CTRL = 0x1d, CAPS = 0x3a, ALT = 0x38, NUMLOCK = 0x45;
const press = (code: number): number[] => [code, code | 0x80];
const ext = (code: number): number[] => [0xe0, code, 0xe0, code | 0x80];

/** The scancodes of typing `text` with shift where needed. */
function typing(text: string): number[] {
  const out: number[] = [];
  for (const c of text) {
    const k = KEY.get(c);
    if (!k) throw new Error(`no key for ${JSON.stringify(c)}`);
    if (k.shift) out.push(LSHIFT, ...press(k.code), LSHIFT | 0x80);
    else out.push(...press(k.code));
  }
  return out;
}

/** The code of a letter key. */
const letter = (c: string): number => KEY.get(c)!.code;
const bytesOf = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('PS/2 keymap (host build)', () => {
  let exe = '';
  const run = (codes: number[]): number[] => runWithInput(exe, Uint8Array.from(codes)).map(Number);
  beforeAll(() => {
    exe = buildHostProgram('keymap-main.ts');
  });

  it('types every printable character, enter, backspace, tab and escape', () => {
    const text = [...KEY.keys()].join('');
    expect(run(typing(text))).toEqual(bytesOf(text));
    expect(run(typing('\b'))).toEqual([8]); // backspace is BS, not DEL
    expect(run(typing('\n'))).toEqual([10]);
  });

  it('keeps shift while either shift key is held', () => {
    const a = letter('a');
    expect(run([LSHIFT, RSHIFT, ...press(a), RSHIFT | 0x80, ...press(a), LSHIFT | 0x80, ...press(a)])).toEqual(bytesOf('AAa'));
  });

  it('caps lock upper-cases letters only, and shift inverts it', () => {
    const codes = [...press(CAPS), ...typing('ab1;'), LSHIFT, ...press(letter('c')), ...press(KEY.get('1')!.code), LSHIFT | 0x80, ...press(CAPS), ...typing('d')];
    expect(run(codes)).toEqual(bytesOf('AB1;c!d'));
  });

  it('ctrl + letter gives control codes 1-26 with either ctrl key, and ends on release', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const codes = [CTRL, ...[...letters].flatMap((c) => press(letter(c))), CTRL | 0x80];
    expect(run(codes)).toEqual([...Array(26).keys()].map((i) => i + 1));
    const right = [0xe0, CTRL, ...press(letter('c')), 0xe0, CTRL | 0x80, ...press(letter('c'))];
    expect(run(right)).toEqual([3, 99]);
    // ctrl+[ is ESC; shift and caps lock do not change a control code.
    expect(run([CTRL, ...press(KEY.get('[')!.code), LSHIFT, ...press(letter('z')), LSHIFT | 0x80, CTRL | 0x80])).toEqual([27, 26]);
  });

  it('produces nothing for releases, modifiers, alt, function and navigation keys', () => {
    const codes = [ALT, ...press(0x3b) /* F1 */, ALT | 0x80, ...ext(0x48) /* up */, ...ext(0x4d) /* right */, ...ext(0x53) /* delete */, ...ext(0x5b) /* GUI */];
    expect(run(codes)).toEqual([]);
    // The right alt (E0 38) is not a character either; alt + a key gives the key.
    expect(run([0xe0, ALT, ...press(letter('x')), 0xe0, ALT | 0x80])).toEqual(bytesOf('x'));
  });

  it('handles E0 sequences without garbage: fake shifts, keypad enter and slash, print screen, pause', () => {
    const printScreen = [0xe0, 0x2a, 0xe0, 0x37, 0xe0, 0xb7, 0xe0, 0xaa];
    const pause = [0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5];
    const codes = [...printScreen, ...typing('a'), ...ext(0x1c), ...ext(0x35), ...pause, ...typing('b')];
    expect(run(codes)).toEqual(bytesOf('a\n/b'));
    // A fake shift inside E0 does not shift, and its release does not cancel a real shift.
    expect(run([LSHIFT, 0xe0, 0xaa, ...press(letter('q')), 0xe0, 0x2a, LSHIFT | 0x80, ...press(letter('q'))])).toEqual(bytesOf('Qq'));
  });

  it('keypad digits need num lock; keypad operators always work', () => {
    const kp = [0x47, 0x4f, 0x52, 0x53, 0x4a, 0x4e, 0x37]; // 7 1 0 . - + *
    const codes = [...kp.flatMap(press), ...press(NUMLOCK), ...kp.flatMap(press)];
    expect(run(codes)).toEqual(bytesOf('-+*710.-+*'));
  });

  it('never produces a non-ASCII byte from random input, and recovers with the next clean key', () => {
    const rand = mulberry32(99);
    for (let round = 0; round < 20; round++) {
      const noise = Array.from({ length: 500 }, () => Math.floor(rand() * 256));
      const out = run(noise);
      expect(out.every((b) => b >= 0 && b < 128)).toBe(true);
      // After releasing every modifier (and two bytes that end any prefix), typing is plain again.
      const reset = [0, 0, 0, 0, 0, 0, LSHIFT | 0x80, RSHIFT | 0x80, CTRL | 0x80, 0xe0, CTRL | 0x80];
      const tail = run([...noise, ...reset, ...typing('z')]);
      const z = tail[tail.length - 1];
      expect(z === 122 || z === 90, `round ${round}: ${z}`).toBe(true); // caps lock may be on
    }
  });
});
