// A reverse-Polish calculator over a string, with a stack of i64.
function evalRpn(s: string): i64 {
  const st = new Array<i64>(32);
  let sp: i32 = 0;
  let i: i32 = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c == 32) {
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let v: i64 = 0;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
        v = v * 10 + i64(s.charCodeAt(i) - 48);
        i++;
      }
      st[sp++] = v;
      continue;
    }
    const b = st[--sp];
    const a = st[--sp];
    switch (c) {
      case 43:
        st[sp++] = a + b;
        break;
      case 45:
        st[sp++] = a - b;
        break;
      case 42:
        st[sp++] = a * b;
        break;
      case 47:
        st[sp++] = i64(a / b);
        break;
    }
    i++;
  }
  return st[0];
}
console.log(evalRpn('3 4 +'), evalRpn('5 1 2 + 4 * + 3 -'), evalRpn('2 3 4 * -'), evalRpn('100 7 /'));
console.log(evalRpn('1000000 1000000 * 7 +'), evalRpn('42'));
//= 7 14 -10 14
//= 1000000000007 42
