// Template parameters (docs/language.md §6.2): a user printer walks the
// pieces the caller built on its stack; a string passes as one piece.
function kprint(t: Template): void {
  const n = Template.count(t);
  for (let i = 0; i < n; i++) {
    const k = Template.kind(t, i);
    if (k == TemplatePiece.Str) console.log('str', Template.str(t, i));
    else if (k == TemplatePiece.Int) console.log('num', Template.int(t, i));
    else if (k == TemplatePiece.Uint) console.log('num', Template.uint(t, i));
    else if (k == TemplatePiece.Bool) console.log('bool', Template.bool(t, i));
    else console.log('float', Template.float(t, i));
  }
  console.log('pieces', n);
}
/** Passes its Template on unchanged: the descriptor outlives this call. */
function forward(prefix: Template, t: Template): void {
  kprint(prefix);
  kprint(t);
}
const x: i32 = -5;
const s = 'hi';
const big: u32 = 4000000000;
const b: u8 = 200;
kprint(`x=${x} s=${s}`);
//= str x=
//= num -5
//= str  s=
//= str hi
//= pieces 4
kprint('plain');
//= str plain
//= pieces 1
kprint(`${big}${true}`);
//= num 4000000000
//= bool true
//= pieces 2
kprint(`${b + 5}|${x < 0}|${1.5}`);
//= num 205
//= str |
//= bool true
//= str |
//= float 1.5
//= pieces 5
for (let i = 0; i < 2; i++) forward(`#${i}`, `i*i=${i * i}`);
//= str #
//= num 0
//= pieces 2
//= str i*i=
//= num 0
//= pieces 2
//= str #
//= num 1
//= pieces 2
//= str i*i=
//= num 1
//= pieces 2
// console.log prints a Template as its text.
function show(t: Template): void {
  console.log(t, '/', Template.count(t));
}
show(`x=${x}, ${s}!`);
//= x=-5, hi! / 5
