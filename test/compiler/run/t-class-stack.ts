// A stack class on an Int32Array, used to check balanced brackets.
class Stack {
  items: Int32Array;
  top: i32 = 0;
  constructor(capacity: i32) {
    this.items = new Int32Array(capacity);
  }
  push(v: i32): void {
    this.items[this.top++] = v;
  }
  pop(): i32 {
    return this.items[--this.top];
  }
  peek(): i32 {
    return this.items[this.top - 1];
  }
  empty(): bool {
    return this.top == 0;
  }
}
function balanced(s: string): bool {
  const st = new Stack(s.length + 1);
  for (let i: i32 = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 40 || c == 91 || c == 123) st.push(c);
    else if (c == 41 || c == 93 || c == 125) {
      if (st.empty()) return false;
      const open = st.pop();
      if ((c == 41 && open != 40) || (c == 93 && open != 91) || (c == 125 && open != 123)) return false;
    }
  }
  return st.empty();
}
const tests: string[] = ['()', '([]{})', '(]', '((', '', '{[()()]}x', ')('];
for (const t of tests) console.log(t, balanced(t));
const s = new Stack(10);
for (let i: i32 = 1; i <= 5; i++) s.push(i * 11);
console.log(s.pop(), s.pop(), s.peek(), s.top);
//= () true
//= ([]{}) true
//= (] false
//= (( false
//=  true
//= {[()()]}x true
//= )( false
//= 55 44 33 3
