// error: TSK1027 @ 2
asm('nop', asm.options('pure', 'nomem'));
