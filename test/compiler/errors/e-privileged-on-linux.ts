// error: TS2304 @ 4
// Privileged intrinsics are declared for the kernel target only
// (runtime/lib/kernel.d.ts), so TypeScript itself does not know them here.
cli();
