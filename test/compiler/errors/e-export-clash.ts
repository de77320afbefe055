// error: TSK1030 @ 6
// Two declarations cannot claim the same linker symbol.
/** @export entry */
function a(): void {}
/** @export entry */
function b(): void {}
a();
b();
