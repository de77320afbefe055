// error: TSK1001 @ 3
function outer(): void {
  function inner(): void {}
  inner();
}
