// process.exit() with no argument exits with status 0 after flushing.
function finish(): void {
  console.log('finishing');
  process.exit();
}
for (let i: i32 = 0; i < 5; i++) {
  console.log(i);
  if (i == 2) finish();
}
console.log('never');
//= 0
//= 1
//= 2
//= finishing
