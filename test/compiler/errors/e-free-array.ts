// error: TSK1008 @ 6
interface Dev { put(c: u8): void }
class Com implements Dev { put(c: u8): void {} }
function f(): void {
  const d: Dev = new Com();
  free(d);
}
