// error: TSK1028 @ 4
function stop(): void {
  asm('ud2', asm.options('noreturn'));
  console.log('never');
}
stop();
