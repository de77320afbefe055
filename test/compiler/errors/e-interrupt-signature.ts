// target: kernel
// error: TSK1031 @ 5
// An interrupt handler takes the frame (and the error code) and returns void.
/** @interrupt */
function onTimer(frame: InterruptFrame, error: u32): void {}
const h: usize = changetype<usize>(onTimer);
