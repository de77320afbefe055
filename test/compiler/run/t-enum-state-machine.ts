// A small state machine with an enum and switch: recognising signed integers.
enum State {
  Start,
  Sign,
  Digits,
  Error,
}
function accepts(s: string): bool {
  let st: State = State.Start;
  for (let i: i32 = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    switch (st) {
      case State.Start:
        if (c == 43 || c == 45) st = State.Sign;
        else if (digit) st = State.Digits;
        else st = State.Error;
        break;
      case State.Sign:
      case State.Digits:
        st = digit ? State.Digits : State.Error;
        break;
      case State.Error:
        break;
    }
  }
  return st == State.Digits;
}
const inputs: string[] = ['123', '-45', '+', '', '12a', '+0', '--1', '7'];
for (const s of inputs) console.log(s, accepts(s));
//= 123 true
//= -45 true
//= + false
//=  false
//= 12a false
//= +0 true
//= --1 false
//= 7 true
