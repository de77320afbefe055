// error: TSK1020 @ 3
const tpl: string = 'nop';
asm(tpl);
