// error: TSK1001 @ 2
const b = 10n;
