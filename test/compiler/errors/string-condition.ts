// error: TSK1008 @ 3
const s = 'abc';
if (s) console.log('yes');
