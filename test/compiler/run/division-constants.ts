// Division and remainder by constants: the compiler replaces them with a
// multiply by a magic reciprocal and shifts (compiler/x86/isel-divconst.ts).
// Each constant is checked against the same division by a value it cannot see
// (a @noinline function's result: a real div/idiv) for edge values and 3,000
// pseudo-random ones, and some results are printed against values computed
// outside (C semantics: truncation toward zero, wrap-around).
// node: skip (JS divides in floating point and has no 64-bit integers)

let mismatches: i32 = 0;
let seed: u64 = 88172645463325252;
function next(): u64 {
  seed ^= seed << 13;
  seed ^= seed >> 7;
  seed ^= seed << 17;
  return seed;
}
/** @noinline */
function opaque_i32(x: i32): i32 {
  return x;
}
/** @noinline */
function opaque_u32(x: u32): u32 {
  return x;
}
/** @noinline */
function opaque_i64(x: i64): i64 {
  return x;
}
/** @noinline */
function opaque_u64(x: u64): u64 {
  return x;
}
/** @noinline */
function opaque_i16(x: i16): i16 {
  return x;
}
/** @noinline */
function opaque_u8(x: u8): u8 {
  return x;
}
const edges_i32: i32[] = [-2147483648, -2147483647, -1, 0, 1, 2, 2147483647, 2147483646, -7, 7, 100, -100];
function check_i32_0(x: i32): void {
  const d = opaque_i32(2);
  if (x / 2 != x / d || x % 2 != x % d) mismatches++;
}
function check_i32_1(x: i32): void {
  const d = opaque_i32(3);
  if (x / 3 != x / d || x % 3 != x % d) mismatches++;
}
function check_i32_2(x: i32): void {
  const d = opaque_i32(5);
  if (x / 5 != x / d || x % 5 != x % d) mismatches++;
}
function check_i32_3(x: i32): void {
  const d = opaque_i32(7);
  if (x / 7 != x / d || x % 7 != x % d) mismatches++;
}
function check_i32_4(x: i32): void {
  const d = opaque_i32(10);
  if (x / 10 != x / d || x % 10 != x % d) mismatches++;
}
function check_i32_5(x: i32): void {
  const d = opaque_i32(16);
  if (x / 16 != x / d || x % 16 != x % d) mismatches++;
}
function check_i32_6(x: i32): void {
  const d = opaque_i32(641);
  if (x / 641 != x / d || x % 641 != x % d) mismatches++;
}
function check_i32_7(x: i32): void {
  const d = opaque_i32(1000);
  if (x / 1000 != x / d || x % 1000 != x % d) mismatches++;
}
function check_i32_8(x: i32): void {
  const d = opaque_i32(12345);
  if (x / 12345 != x / d || x % 12345 != x % d) mismatches++;
}
function check_i32_9(x: i32): void {
  const d = opaque_i32(2147483647);
  if (x / 2147483647 != x / d || x % 2147483647 != x % d) mismatches++;
}
function check_i32_10(x: i32): void {
  const d = opaque_i32(-2);
  if (x / -2 != x / d || x % -2 != x % d) mismatches++;
}
function check_i32_11(x: i32): void {
  const d = opaque_i32(-3);
  if (x / -3 != x / d || x % -3 != x % d) mismatches++;
}
function check_i32_12(x: i32): void {
  const d = opaque_i32(-7);
  if (x / -7 != x / d || x % -7 != x % d) mismatches++;
}
function check_i32_13(x: i32): void {
  const d = opaque_i32(-16);
  if (x / -16 != x / d || x % -16 != x % d) mismatches++;
}
function check_i32_14(x: i32): void {
  const d = opaque_i32(-1000);
  if (x / -1000 != x / d || x % -1000 != x % d) mismatches++;
}
function check_i32_15(x: i32): void {
  const d = opaque_i32(-2147483648);
  if (x / -2147483648 != x / d || x % -2147483648 != x % d) mismatches++;
}
function all_i32(x: i32): void {
  check_i32_0(x);
  check_i32_1(x);
  check_i32_2(x);
  check_i32_3(x);
  check_i32_4(x);
  check_i32_5(x);
  check_i32_6(x);
  check_i32_7(x);
  check_i32_8(x);
  check_i32_9(x);
  check_i32_10(x);
  check_i32_11(x);
  check_i32_12(x);
  check_i32_13(x);
  check_i32_14(x);
  check_i32_15(x);
}
for (let i: i32 = 0; i < edges_i32.length; i++) all_i32(edges_i32[i]);
for (let i: i32 = 0; i < 3000; i++) all_i32(i32(next()));
{
  const v: i32 = -2147483648;
  console.log(v / 2, v % 2);
}
{
  const v: i32 = -2147483648;
  console.log(v / 3, v % 3);
}
{
  const v: i32 = -2147483648;
  console.log(v / 5, v % 5);
}
{
  const v: i32 = -2147483648;
  console.log(v / -1000, v % -1000);
}
{
  const v: i32 = -2147483648;
  console.log(v / -2147483648, v % -2147483648);
}
{
  const v: i32 = -2147483647;
  console.log(v / 2, v % 2);
}
{
  const v: i32 = -2147483647;
  console.log(v / 3, v % 3);
}
{
  const v: i32 = -2147483647;
  console.log(v / 5, v % 5);
}
{
  const v: i32 = -2147483647;
  console.log(v / -1000, v % -1000);
}
{
  const v: i32 = -2147483647;
  console.log(v / -2147483648, v % -2147483648);
}
{
  const v: i32 = -1;
  console.log(v / 2, v % 2);
}
{
  const v: i32 = -1;
  console.log(v / 3, v % 3);
}
{
  const v: i32 = -1;
  console.log(v / 5, v % 5);
}
{
  const v: i32 = -1;
  console.log(v / -1000, v % -1000);
}
{
  const v: i32 = -1;
  console.log(v / -2147483648, v % -2147483648);
}
{
  const v: i32 = 0;
  console.log(v / 2, v % 2);
}
{
  const v: i32 = 0;
  console.log(v / 3, v % 3);
}
{
  const v: i32 = 0;
  console.log(v / 5, v % 5);
}
{
  const v: i32 = 0;
  console.log(v / -1000, v % -1000);
}
{
  const v: i32 = 0;
  console.log(v / -2147483648, v % -2147483648);
}
const edges_u32: u32[] = [0, 1, 2, 3, 4294967295, 4294967294, 2147483648, 2147483647, 7, 100];
function check_u32_0(x: u32): void {
  const d = opaque_u32(2);
  if (x / 2 != x / d || x % 2 != x % d) mismatches++;
}
function check_u32_1(x: u32): void {
  const d = opaque_u32(3);
  if (x / 3 != x / d || x % 3 != x % d) mismatches++;
}
function check_u32_2(x: u32): void {
  const d = opaque_u32(5);
  if (x / 5 != x / d || x % 5 != x % d) mismatches++;
}
function check_u32_3(x: u32): void {
  const d = opaque_u32(7);
  if (x / 7 != x / d || x % 7 != x % d) mismatches++;
}
function check_u32_4(x: u32): void {
  const d = opaque_u32(10);
  if (x / 10 != x / d || x % 10 != x % d) mismatches++;
}
function check_u32_5(x: u32): void {
  const d = opaque_u32(16);
  if (x / 16 != x / d || x % 16 != x % d) mismatches++;
}
function check_u32_6(x: u32): void {
  const d = opaque_u32(641);
  if (x / 641 != x / d || x % 641 != x % d) mismatches++;
}
function check_u32_7(x: u32): void {
  const d = opaque_u32(1000);
  if (x / 1000 != x / d || x % 1000 != x % d) mismatches++;
}
function check_u32_8(x: u32): void {
  const d = opaque_u32(12345);
  if (x / 12345 != x / d || x % 12345 != x % d) mismatches++;
}
function check_u32_9(x: u32): void {
  const d = opaque_u32(2147483647);
  if (x / 2147483647 != x / d || x % 2147483647 != x % d) mismatches++;
}
function check_u32_10(x: u32): void {
  const d = opaque_u32(2147483648);
  if (x / 2147483648 != x / d || x % 2147483648 != x % d) mismatches++;
}
function check_u32_11(x: u32): void {
  const d = opaque_u32(4294967295);
  if (x / 4294967295 != x / d || x % 4294967295 != x % d) mismatches++;
}
function check_u32_12(x: u32): void {
  const d = opaque_u32(3000000000);
  if (x / 3000000000 != x / d || x % 3000000000 != x % d) mismatches++;
}
function all_u32(x: u32): void {
  check_u32_0(x);
  check_u32_1(x);
  check_u32_2(x);
  check_u32_3(x);
  check_u32_4(x);
  check_u32_5(x);
  check_u32_6(x);
  check_u32_7(x);
  check_u32_8(x);
  check_u32_9(x);
  check_u32_10(x);
  check_u32_11(x);
  check_u32_12(x);
}
for (let i: i32 = 0; i < edges_u32.length; i++) all_u32(edges_u32[i]);
for (let i: i32 = 0; i < 3000; i++) all_u32(u32(next()));
{
  const v: u32 = 0;
  console.log(v / 2, v % 2);
}
{
  const v: u32 = 0;
  console.log(v / 3, v % 3);
}
{
  const v: u32 = 0;
  console.log(v / 5, v % 5);
}
{
  const v: u32 = 0;
  console.log(v / 4294967295, v % 4294967295);
}
{
  const v: u32 = 0;
  console.log(v / 3000000000, v % 3000000000);
}
{
  const v: u32 = 1;
  console.log(v / 2, v % 2);
}
{
  const v: u32 = 1;
  console.log(v / 3, v % 3);
}
{
  const v: u32 = 1;
  console.log(v / 5, v % 5);
}
{
  const v: u32 = 1;
  console.log(v / 4294967295, v % 4294967295);
}
{
  const v: u32 = 1;
  console.log(v / 3000000000, v % 3000000000);
}
{
  const v: u32 = 2;
  console.log(v / 2, v % 2);
}
{
  const v: u32 = 2;
  console.log(v / 3, v % 3);
}
{
  const v: u32 = 2;
  console.log(v / 5, v % 5);
}
{
  const v: u32 = 2;
  console.log(v / 4294967295, v % 4294967295);
}
{
  const v: u32 = 2;
  console.log(v / 3000000000, v % 3000000000);
}
{
  const v: u32 = 3;
  console.log(v / 2, v % 2);
}
{
  const v: u32 = 3;
  console.log(v / 3, v % 3);
}
{
  const v: u32 = 3;
  console.log(v / 5, v % 5);
}
{
  const v: u32 = 3;
  console.log(v / 4294967295, v % 4294967295);
}
{
  const v: u32 = 3;
  console.log(v / 3000000000, v % 3000000000);
}
const edges_i64: i64[] = [-9223372036854775808, -9223372036854775807, -1, 0, 1, 2, 9223372036854775807, 9223372036854775806, -7, 7, 100, -100];
function check_i64_0(x: i64): void {
  const d = opaque_i64(2);
  if (x / 2 != x / d || x % 2 != x % d) mismatches++;
}
function check_i64_1(x: i64): void {
  const d = opaque_i64(3);
  if (x / 3 != x / d || x % 3 != x % d) mismatches++;
}
function check_i64_2(x: i64): void {
  const d = opaque_i64(5);
  if (x / 5 != x / d || x % 5 != x % d) mismatches++;
}
function check_i64_3(x: i64): void {
  const d = opaque_i64(7);
  if (x / 7 != x / d || x % 7 != x % d) mismatches++;
}
function check_i64_4(x: i64): void {
  const d = opaque_i64(10);
  if (x / 10 != x / d || x % 10 != x % d) mismatches++;
}
function check_i64_5(x: i64): void {
  const d = opaque_i64(64);
  if (x / 64 != x / d || x % 64 != x % d) mismatches++;
}
function check_i64_6(x: i64): void {
  const d = opaque_i64(641);
  if (x / 641 != x / d || x % 641 != x % d) mismatches++;
}
function check_i64_7(x: i64): void {
  const d = opaque_i64(1000000007);
  if (x / 1000000007 != x / d || x % 1000000007 != x % d) mismatches++;
}
function check_i64_8(x: i64): void {
  const d = opaque_i64(2147483647);
  if (x / 2147483647 != x / d || x % 2147483647 != x % d) mismatches++;
}
function check_i64_9(x: i64): void {
  const d = opaque_i64(9223372036854775807);
  if (x / 9223372036854775807 != x / d || x % 9223372036854775807 != x % d) mismatches++;
}
function check_i64_10(x: i64): void {
  const d = opaque_i64(-3);
  if (x / -3 != x / d || x % -3 != x % d) mismatches++;
}
function check_i64_11(x: i64): void {
  const d = opaque_i64(-7);
  if (x / -7 != x / d || x % -7 != x % d) mismatches++;
}
function check_i64_12(x: i64): void {
  const d = opaque_i64(-64);
  if (x / -64 != x / d || x % -64 != x % d) mismatches++;
}
function check_i64_13(x: i64): void {
  const d = opaque_i64(-1000000007);
  if (x / -1000000007 != x / d || x % -1000000007 != x % d) mismatches++;
}
function check_i64_14(x: i64): void {
  const d = opaque_i64(-9223372036854775808);
  if (x / -9223372036854775808 != x / d || x % -9223372036854775808 != x % d) mismatches++;
}
function all_i64(x: i64): void {
  check_i64_0(x);
  check_i64_1(x);
  check_i64_2(x);
  check_i64_3(x);
  check_i64_4(x);
  check_i64_5(x);
  check_i64_6(x);
  check_i64_7(x);
  check_i64_8(x);
  check_i64_9(x);
  check_i64_10(x);
  check_i64_11(x);
  check_i64_12(x);
  check_i64_13(x);
  check_i64_14(x);
}
for (let i: i32 = 0; i < edges_i64.length; i++) all_i64(edges_i64[i]);
for (let i: i32 = 0; i < 3000; i++) all_i64(i64(next()));
{
  const v: i64 = -9223372036854775808;
  console.log(v / 2, v % 2);
}
{
  const v: i64 = -9223372036854775808;
  console.log(v / 3, v % 3);
}
{
  const v: i64 = -9223372036854775808;
  console.log(v / 5, v % 5);
}
{
  const v: i64 = -9223372036854775808;
  console.log(v / -1000000007, v % -1000000007);
}
{
  const v: i64 = -9223372036854775808;
  console.log(v / -9223372036854775808, v % -9223372036854775808);
}
{
  const v: i64 = -9223372036854775807;
  console.log(v / 2, v % 2);
}
{
  const v: i64 = -9223372036854775807;
  console.log(v / 3, v % 3);
}
{
  const v: i64 = -9223372036854775807;
  console.log(v / 5, v % 5);
}
{
  const v: i64 = -9223372036854775807;
  console.log(v / -1000000007, v % -1000000007);
}
{
  const v: i64 = -9223372036854775807;
  console.log(v / -9223372036854775808, v % -9223372036854775808);
}
{
  const v: i64 = -1;
  console.log(v / 2, v % 2);
}
{
  const v: i64 = -1;
  console.log(v / 3, v % 3);
}
{
  const v: i64 = -1;
  console.log(v / 5, v % 5);
}
{
  const v: i64 = -1;
  console.log(v / -1000000007, v % -1000000007);
}
{
  const v: i64 = -1;
  console.log(v / -9223372036854775808, v % -9223372036854775808);
}
{
  const v: i64 = 0;
  console.log(v / 2, v % 2);
}
{
  const v: i64 = 0;
  console.log(v / 3, v % 3);
}
{
  const v: i64 = 0;
  console.log(v / 5, v % 5);
}
{
  const v: i64 = 0;
  console.log(v / -1000000007, v % -1000000007);
}
{
  const v: i64 = 0;
  console.log(v / -9223372036854775808, v % -9223372036854775808);
}
const edges_u64: u64[] = [0, 1, 2, 3, 18446744073709551615, 18446744073709551614, 9223372036854775808, 9223372036854775807, 7, 100];
function check_u64_0(x: u64): void {
  const d = opaque_u64(2);
  if (x / 2 != x / d || x % 2 != x % d) mismatches++;
}
function check_u64_1(x: u64): void {
  const d = opaque_u64(3);
  if (x / 3 != x / d || x % 3 != x % d) mismatches++;
}
function check_u64_2(x: u64): void {
  const d = opaque_u64(5);
  if (x / 5 != x / d || x % 5 != x % d) mismatches++;
}
function check_u64_3(x: u64): void {
  const d = opaque_u64(7);
  if (x / 7 != x / d || x % 7 != x % d) mismatches++;
}
function check_u64_4(x: u64): void {
  const d = opaque_u64(10);
  if (x / 10 != x / d || x % 10 != x % d) mismatches++;
}
function check_u64_5(x: u64): void {
  const d = opaque_u64(64);
  if (x / 64 != x / d || x % 64 != x % d) mismatches++;
}
function check_u64_6(x: u64): void {
  const d = opaque_u64(641);
  if (x / 641 != x / d || x % 641 != x % d) mismatches++;
}
function check_u64_7(x: u64): void {
  const d = opaque_u64(1000000007);
  if (x / 1000000007 != x / d || x % 1000000007 != x % d) mismatches++;
}
function check_u64_8(x: u64): void {
  const d = opaque_u64(9223372036854775807);
  if (x / 9223372036854775807 != x / d || x % 9223372036854775807 != x % d) mismatches++;
}
function check_u64_9(x: u64): void {
  const d = opaque_u64(9223372036854775808);
  if (x / 9223372036854775808 != x / d || x % 9223372036854775808 != x % d) mismatches++;
}
function check_u64_10(x: u64): void {
  const d = opaque_u64(18446744073709551615);
  if (x / 18446744073709551615 != x / d || x % 18446744073709551615 != x % d) mismatches++;
}
function check_u64_11(x: u64): void {
  const d = opaque_u64(12297829382473034411);
  if (x / 12297829382473034411 != x / d || x % 12297829382473034411 != x % d) mismatches++;
}
function all_u64(x: u64): void {
  check_u64_0(x);
  check_u64_1(x);
  check_u64_2(x);
  check_u64_3(x);
  check_u64_4(x);
  check_u64_5(x);
  check_u64_6(x);
  check_u64_7(x);
  check_u64_8(x);
  check_u64_9(x);
  check_u64_10(x);
  check_u64_11(x);
}
for (let i: i32 = 0; i < edges_u64.length; i++) all_u64(edges_u64[i]);
for (let i: i32 = 0; i < 3000; i++) all_u64(u64(next()));
{
  const v: u64 = 0;
  console.log(v / 2, v % 2);
}
{
  const v: u64 = 0;
  console.log(v / 3, v % 3);
}
{
  const v: u64 = 0;
  console.log(v / 5, v % 5);
}
{
  const v: u64 = 0;
  console.log(v / 18446744073709551615, v % 18446744073709551615);
}
{
  const v: u64 = 0;
  console.log(v / 12297829382473034411, v % 12297829382473034411);
}
{
  const v: u64 = 1;
  console.log(v / 2, v % 2);
}
{
  const v: u64 = 1;
  console.log(v / 3, v % 3);
}
{
  const v: u64 = 1;
  console.log(v / 5, v % 5);
}
{
  const v: u64 = 1;
  console.log(v / 18446744073709551615, v % 18446744073709551615);
}
{
  const v: u64 = 1;
  console.log(v / 12297829382473034411, v % 12297829382473034411);
}
{
  const v: u64 = 2;
  console.log(v / 2, v % 2);
}
{
  const v: u64 = 2;
  console.log(v / 3, v % 3);
}
{
  const v: u64 = 2;
  console.log(v / 5, v % 5);
}
{
  const v: u64 = 2;
  console.log(v / 18446744073709551615, v % 18446744073709551615);
}
{
  const v: u64 = 2;
  console.log(v / 12297829382473034411, v % 12297829382473034411);
}
{
  const v: u64 = 3;
  console.log(v / 2, v % 2);
}
{
  const v: u64 = 3;
  console.log(v / 3, v % 3);
}
{
  const v: u64 = 3;
  console.log(v / 5, v % 5);
}
{
  const v: u64 = 3;
  console.log(v / 18446744073709551615, v % 18446744073709551615);
}
{
  const v: u64 = 3;
  console.log(v / 12297829382473034411, v % 12297829382473034411);
}
const edges_i16: i16[] = [-32768, -32767, -1, 0, 1, 2, 32767, 32766, -7, 7, 100, -100];
function check_i16_0(x: i16): void {
  const d = opaque_i16(3);
  if (x / 3 != x / d || x % 3 != x % d) mismatches++;
}
function check_i16_1(x: i16): void {
  const d = opaque_i16(7);
  if (x / 7 != x / d || x % 7 != x % d) mismatches++;
}
function check_i16_2(x: i16): void {
  const d = opaque_i16(10);
  if (x / 10 != x / d || x % 10 != x % d) mismatches++;
}
function check_i16_3(x: i16): void {
  const d = opaque_i16(-5);
  if (x / -5 != x / d || x % -5 != x % d) mismatches++;
}
function check_i16_4(x: i16): void {
  const d = opaque_i16(300);
  if (x / 300 != x / d || x % 300 != x % d) mismatches++;
}
function all_i16(x: i16): void {
  check_i16_0(x);
  check_i16_1(x);
  check_i16_2(x);
  check_i16_3(x);
  check_i16_4(x);
}
for (let i: i32 = 0; i < edges_i16.length; i++) all_i16(edges_i16[i]);
for (let i: i32 = 0; i < 3000; i++) all_i16(i16(next()));
{
  const v: i16 = -32768;
  console.log(v / 3, v % 3);
}
{
  const v: i16 = -32768;
  console.log(v / 7, v % 7);
}
{
  const v: i16 = -32768;
  console.log(v / 10, v % 10);
}
{
  const v: i16 = -32768;
  console.log(v / -5, v % -5);
}
{
  const v: i16 = -32768;
  console.log(v / 300, v % 300);
}
{
  const v: i16 = -32767;
  console.log(v / 3, v % 3);
}
{
  const v: i16 = -32767;
  console.log(v / 7, v % 7);
}
{
  const v: i16 = -32767;
  console.log(v / 10, v % 10);
}
{
  const v: i16 = -32767;
  console.log(v / -5, v % -5);
}
{
  const v: i16 = -32767;
  console.log(v / 300, v % 300);
}
{
  const v: i16 = -1;
  console.log(v / 3, v % 3);
}
{
  const v: i16 = -1;
  console.log(v / 7, v % 7);
}
{
  const v: i16 = -1;
  console.log(v / 10, v % 10);
}
{
  const v: i16 = -1;
  console.log(v / -5, v % -5);
}
{
  const v: i16 = -1;
  console.log(v / 300, v % 300);
}
{
  const v: i16 = 0;
  console.log(v / 3, v % 3);
}
{
  const v: i16 = 0;
  console.log(v / 7, v % 7);
}
{
  const v: i16 = 0;
  console.log(v / 10, v % 10);
}
{
  const v: i16 = 0;
  console.log(v / -5, v % -5);
}
{
  const v: i16 = 0;
  console.log(v / 300, v % 300);
}
const edges_u8: u8[] = [0, 1, 2, 3, 255, 254, 128, 127, 7, 100];
function check_u8_0(x: u8): void {
  const d = opaque_u8(3);
  if (x / 3 != x / d || x % 3 != x % d) mismatches++;
}
function check_u8_1(x: u8): void {
  const d = opaque_u8(7);
  if (x / 7 != x / d || x % 7 != x % d) mismatches++;
}
function check_u8_2(x: u8): void {
  const d = opaque_u8(10);
  if (x / 10 != x / d || x % 10 != x % d) mismatches++;
}
function check_u8_3(x: u8): void {
  const d = opaque_u8(200);
  if (x / 200 != x / d || x % 200 != x % d) mismatches++;
}
function all_u8(x: u8): void {
  check_u8_0(x);
  check_u8_1(x);
  check_u8_2(x);
  check_u8_3(x);
}
for (let i: i32 = 0; i < edges_u8.length; i++) all_u8(edges_u8[i]);
for (let i: i32 = 0; i < 3000; i++) all_u8(u8(next()));
{
  const v: u8 = 0;
  console.log(v / 3, v % 3);
}
{
  const v: u8 = 0;
  console.log(v / 7, v % 7);
}
{
  const v: u8 = 0;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 0;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 0;
  console.log(v / 200, v % 200);
}
{
  const v: u8 = 1;
  console.log(v / 3, v % 3);
}
{
  const v: u8 = 1;
  console.log(v / 7, v % 7);
}
{
  const v: u8 = 1;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 1;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 1;
  console.log(v / 200, v % 200);
}
{
  const v: u8 = 2;
  console.log(v / 3, v % 3);
}
{
  const v: u8 = 2;
  console.log(v / 7, v % 7);
}
{
  const v: u8 = 2;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 2;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 2;
  console.log(v / 200, v % 200);
}
{
  const v: u8 = 3;
  console.log(v / 3, v % 3);
}
{
  const v: u8 = 3;
  console.log(v / 7, v % 7);
}
{
  const v: u8 = 3;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 3;
  console.log(v / 10, v % 10);
}
{
  const v: u8 = 3;
  console.log(v / 200, v % 200);
}
console.log(mismatches);
//= -1073741824 0
//= -715827882 -2
//= -429496729 -3
//= 2147483 -648
//= 1 0
//= -1073741823 -1
//= -715827882 -1
//= -429496729 -2
//= 2147483 -647
//= 0 -2147483647
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 1
//= 0 1
//= 0 1
//= 0 1
//= 0 1
//= 1 0
//= 0 2
//= 0 2
//= 0 2
//= 0 2
//= 1 1
//= 1 0
//= 0 3
//= 0 3
//= 0 3
//= -4611686018427387904 0
//= -3074457345618258602 -2
//= -1844674407370955161 -3
//= 9223371972 -291172004
//= 1 0
//= -4611686018427387903 -1
//= -3074457345618258602 -1
//= -1844674407370955161 -2
//= 9223371972 -291172003
//= 0 -9223372036854775807
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 1
//= 0 1
//= 0 1
//= 0 1
//= 0 1
//= 1 0
//= 0 2
//= 0 2
//= 0 2
//= 0 2
//= 1 1
//= 1 0
//= 0 3
//= 0 3
//= 0 3
//= -10922 -2
//= -4681 -1
//= -3276 -8
//= 6553 -3
//= -109 -68
//= -10922 -1
//= -4681 0
//= -3276 -7
//= 6553 -2
//= -109 -67
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 -1
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 0
//= 0 1
//= 0 1
//= 0 1
//= 0 1
//= 0 1
//= 0 2
//= 0 2
//= 0 2
//= 0 2
//= 0 2
//= 1 0
//= 0 3
//= 0 3
//= 0 3
//= 0 3
//= 0
