// Template literals passed to console.log print piece by piece, allocating nothing.
const name = 'tskc';
let n: i32 = 42;
let big: u64 = 18000000000;
let ok = n > 40;
console.log(`hello ${name}: n=${n}, big=${big}, ok=${ok}`);
console.log(`${n}${n}`, `[${''}]`, `plain`, n);
console.log(`line with ${n * 2} and ${-n} end`);
//= hello tskc: n=42, big=18000000000, ok=true
//= 4242 [] plain 42
//= line with 84 and -42 end
