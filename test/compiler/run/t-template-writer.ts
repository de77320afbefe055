// A kernel-style printer (docs/language.md §6.2): Template pieces formatted
// into a static byte buffer with no allocation and written with one
// write(2) system call per message.
// node: skip (syscall has no Node equivalent)
const line = new Uint8Array(128);
let used = 0;
function putByte(c: i32): void {
  line[used] = u8(c);
  used++;
}
function putStr(s: string): void {
  for (let i = 0; i < s.length; i++) putByte(s.charCodeAt(i));
}
function putU64(v: u64): void {
  const digits = new Uint8Array(20);
  let n = 0;
  do {
    digits[n] = u8(v % 10) + 48;
    v = v / 10;
    n++;
  } while (v != 0);
  while (n > 0) putByte(i32(digits[--n]));
}
function kprint(t: Template): void {
  used = 0;
  for (let i = 0; i < Template.count(t); i++) {
    switch (Template.kind(t, i)) {
      case TemplatePiece.Str:
        putStr(Template.str(t, i));
        break;
      case TemplatePiece.Int: {
        const v = Template.int(t, i);
        if (v < 0) putByte(45);
        putU64(v < 0 ? u64(0 - v) : u64(v));
        break;
      }
      case TemplatePiece.Uint:
        putU64(Template.uint(t, i));
        break;
      case TemplatePiece.Bool:
        putStr(Template.bool(t, i) ? 'true' : 'false');
        break;
      default:
        putStr('?');
    }
  }
  putByte(10);
  syscall(1, 1, addressof(line[0]), used);
}
const pid: u16 = 7;
const min: i64 = -9223372036854775808;
kprint(`task ${pid} exited with ${-3} (${'killed'}) ok=${pid > 5}`);
//= task 7 exited with -3 (killed) ok=true
kprint(`min=${min}`);
//= min=-9223372036854775808
kprint('no pieces');
//= no pieces
