// PS/2 scancode set 1 to ASCII, as a pure state machine (no port I/O, so
// the host tests compile it for linux and feed it scancode sequences).
//
// A make code (key press) is the key's number, its break code (release) the
// same with bit 7 set. What it produces:
// - letters, digits, punctuation, space: ASCII, with shift (either one) and
//   caps lock (letters only; shift + caps lock gives lower case);
// - ctrl (either one) + a letter: the control code 1 … 26 (ctrl+A … ctrl+Z),
//   ctrl + '[' '\' ']': 27 … 29; ctrl with any other key: the key's own byte;
// - enter and keypad enter: '\n' (10); backspace: '\b' (8, not DEL 127);
//   tab: 9; escape: 27;
// - keypad digits and '.' only with num lock on; keypad '*' '-' '+' '/' always;
// - nothing for releases (except that releasing shift/ctrl/alt updates the
//   modifiers), modifier presses, lock keys, function keys, arrows and the
//   other 0xE0-prefixed navigation keys, and the controller's replies
//   (0xFA ack, 0xFE resend, 0xEE echo, 0x00/0xFF errors; 0xAA, "self-test
//   passed", is also the release of left shift and is treated as that).
// 0xE0 prefixes one extended code (so E0 2A, the "fake shift" that some keys
// send, is not a shift); 0xE1 starts the six-byte Pause sequence, whose
// five remaining bytes are swallowed.

/** The translator's state: modifiers held, locks on, prefixes pending. */
export class KeyboardState {
  leftShift: bool = false;
  rightShift: bool = false;
  leftCtrl: bool = false;
  rightCtrl: bool = false;
  leftAlt: bool = false;
  rightAlt: bool = false;
  capsLock: bool = false;
  numLock: bool = false;
  /** An 0xE0 prefix came: the next code is an extended key. */
  extended: bool = false;
  /** Bytes of a Pause sequence (E1 1D 45 E1 9D C5) still to swallow. */
  pauseBytes: i32 = 0;
}

/** What translateScancode returns when a code produces no byte. */
export const NO_KEY: i32 = -1;

// Set 1 make codes 0x00-0x39 to ASCII, unshifted and shifted; '\0' = no byte.
const PLAIN = '\0\x1b1234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;\'`\0\\zxcvbnm,./\0*\0 ';
const SHIFTED = '\0\x1b!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:"~\0|ZXCVBNM<>?\0*\0 ';
// Keypad make codes 0x47-0x53 with num lock on; '\0' = no byte ('-' and '+' always work).
const KEYPAD = '789-456+1230.';

const SC_LEFT_CTRL: u8 = 0x1d;
const SC_LEFT_SHIFT: u8 = 0x2a;
const SC_RIGHT_SHIFT: u8 = 0x36;
const SC_LEFT_ALT: u8 = 0x38;
const SC_CAPS_LOCK: u8 = 0x3a;
const SC_NUM_LOCK: u8 = 0x45;
const SC_KEYPAD_FIRST: u8 = 0x47;
const SC_KEYPAD_LAST: u8 = 0x53;
const SC_ENTER: u8 = 0x1c;
const SC_SLASH: u8 = 0x35;
const PREFIX_EXTENDED: u8 = 0xe0;
const PREFIX_PAUSE: u8 = 0xe1;
const RELEASE: u8 = 0x80;

/** Updates the state for a modifier press or release; true if `code` was a modifier. */
function trackModifier(st: KeyboardState, code: u8, pressed: bool, extended: bool): bool {
  if (code == SC_LEFT_CTRL) {
    if (extended) st.rightCtrl = pressed;
    else st.leftCtrl = pressed;
    return true;
  }
  if (code == SC_LEFT_ALT) {
    if (extended) st.rightAlt = pressed;
    else st.leftAlt = pressed;
    return true;
  }
  if (code == SC_LEFT_SHIFT || code == SC_RIGHT_SHIFT) {
    if (extended) return true; // E0 2A / E0 36: fake shifts around some extended keys
    if (code == SC_LEFT_SHIFT) st.leftShift = pressed;
    else st.rightShift = pressed;
    return true;
  }
  return false;
}

/** The byte an extended (0xE0-prefixed) make code produces. */
function extendedKey(code: u8): i32 {
  if (code == SC_ENTER) return 10; // keypad enter
  if (code == SC_SLASH) return 47; // keypad '/'
  return NO_KEY; // arrows, home/end, insert/delete, page up/down, GUI keys…
}

/** The byte a plain make code produces under the current modifiers. */
function plainKey(st: KeyboardState, code: u8): i32 {
  if (code == SC_CAPS_LOCK) {
    st.capsLock = !st.capsLock;
    return NO_KEY;
  }
  if (code == SC_NUM_LOCK) {
    st.numLock = !st.numLock;
    return NO_KEY;
  }
  if (code >= SC_KEYPAD_FIRST && code <= SC_KEYPAD_LAST) {
    const k = KEYPAD.charCodeAt(i32(code - SC_KEYPAD_FIRST));
    return k == 45 || k == 43 || (k != 0 && st.numLock) ? k : NO_KEY;
  }
  if (i32(code) >= PLAIN.length) return NO_KEY; // function keys, scroll lock…
  const shift = st.leftShift || st.rightShift;
  const plain = PLAIN.charCodeAt(i32(code));
  if (plain == 0) return NO_KEY;
  const isLetter = plain >= 97 && plain <= 122;
  if (st.leftCtrl || st.rightCtrl) {
    if (isLetter) return plain - 96; // ctrl+A = 1 … ctrl+Z = 26
    if (plain == 91 || plain == 92 || plain == 93) return plain - 64; // ctrl+[ \ ] = 27 28 29
  }
  const upper = isLetter ? shift != st.capsLock : shift;
  return upper ? SHIFTED.charCodeAt(i32(code)) : plain;
}

/** Feeds one byte from the keyboard; returns the ASCII byte it completes, or NO_KEY. */
export function translateScancode(st: KeyboardState, b: u8): i32 {
  if (st.pauseBytes > 0) {
    st.pauseBytes--;
    return NO_KEY;
  }
  if (b == PREFIX_PAUSE) {
    st.pauseBytes = 5;
    return NO_KEY;
  }
  if (b == PREFIX_EXTENDED) {
    st.extended = true;
    return NO_KEY;
  }
  const extended = st.extended;
  st.extended = false;
  if (b == 0x00 || b == 0xfa || b == 0xfe || b == 0xee || b == 0xff) return NO_KEY;
  const pressed = (b & RELEASE) == 0;
  const code = b & ~RELEASE;
  if (trackModifier(st, code, pressed, extended) || !pressed) return NO_KEY;
  return extended ? extendedKey(code) : plainKey(st, code);
}
