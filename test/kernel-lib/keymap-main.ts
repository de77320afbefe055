// Host test program for kernel/drivers/keymap.ts (compiled with --target
// linux): feeds every byte of stdin to translateScancode and prints each
// byte it produces, one decimal number per line.
import { KeyboardState, NO_KEY, translateScancode } from '../../kernel/drivers/keymap';
import { readStdin, stdinLength } from './stdin';

const state = new KeyboardState();
const codes = readStdin();
for (let i: i32 = 0; i < stdinLength; i++) {
  const ch = translateScancode(state, load<u8>(codes + usize(i)));
  if (ch != NO_KEY) console.log(ch);
}
