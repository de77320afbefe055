// error: TSK1030 @ 3
// @packed describes a class layout; a function has none.
/** @packed */
function f(): void {}
f();
