// error: TSK1001 @ 3
enum Mode {
  Fast = 'fast',
}
