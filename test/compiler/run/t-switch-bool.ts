// switch on bool and on narrow integer types.
function yesno(b: bool): string {
  switch (b) {
    case true:
      return 'yes';
    case false:
      return 'no';
  }
  return '?';
}
console.log(yesno(1 < 2), yesno(2 < 1));
let c: u8 = 200;
switch (c) {
  case 100:
    console.log('hundred');
    break;
  case 200:
    console.log('two hundred');
    break;
}
let s: i8 = -3;
switch (s) {
  case -3:
    console.log('minus three');
  case 3:
    console.log('and three');
}
let big: i64 = 5000000000;
switch (big) {
  case 5000000000:
    console.log('five billion');
    break;
  default:
    console.log('no');
}
//= yes no
//= two hundred
//= minus three
//= and three
//= five billion
