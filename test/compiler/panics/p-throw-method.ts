// throw new Error inside a method, reached after a loop of output.
class Account {
  balance: i32 = 0;
  deposit(n: i32): void {
    if (n <= 0) throw new Error('deposit must be positive');
    this.balance += n;
  }
}
const acct = new Account();
const amounts: i32[] = [10, 20, 0, 40];
for (const a of amounts) {
  acct.deposit(a);
  console.log('balance', acct.balance);
}
//= balance 10
//= balance 30
// stderr: panic: deposit must be positive
// stderr:     at test/compiler/panics/p-throw-method.ts:5
