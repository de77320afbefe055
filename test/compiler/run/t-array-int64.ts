// Int64Array and Uint64Array hold full 64-bit tskc integers.
// node: skip (JavaScript's BigInt64Array holds bigints)
const a = new Int64Array(4);
const b = new Uint64Array(3);
a[0] = -9223372036854775808;
a[1] = 9223372036854775807;
a[2] = a[1] + 1;
a[3] = -1;
b[0] = 18446744073709551615;
b[1] = b[0] + 2;
b[2] = u64(a[3]);
console.log(a[0], a[1], a[2], a[3], a.length);
console.log(b[0], b[1], b[2], b.length);
let sum: i64 = 0;
for (const x of a) sum += x;
console.log(sum);
//= -9223372036854775808 9223372036854775807 -9223372036854775808 -1 4
//= 18446744073709551615 1 18446744073709551615 3
//= 9223372036854775806
