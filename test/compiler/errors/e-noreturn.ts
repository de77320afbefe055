// error: TSK1030 @ 3
// tskc spells "does not return" as the TypeScript return type never.
/** @noreturn */
function stop(): void {
  process.exit(1);
}
stop();
