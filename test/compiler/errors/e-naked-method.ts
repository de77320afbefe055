// error: TSK1029 @ 4
class K {
  /** @naked */
  m(): void {
    asm('ret');
  }
}
