// target: kernel
// error: TSK1032 @ 6
// Handlers end with iretq: calling one directly would return to nowhere.
/** @interrupt */
function onBreak(frame: InterruptFrame): void {}
onBreak(changetype<InterruptFrame>(usize(0)));
