// error: TSK1031 @ 4
// Only the kernel target has interrupt handlers.
/** @interrupt */
function onTimer(x: u64): void {}
onTimer(1);
