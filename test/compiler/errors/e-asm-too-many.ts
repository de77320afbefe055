// error: TSK1027 @ 4
let a: u64 = 0, b: u64 = 0, c: u64 = 0, d: u64 = 0, e: u64 = 0, f: u64 = 0;
// clobberAbi leaves the five callee-saved registers for six class operands.
asm('{a}{b}{c}{d}{e}{f}', asm.inout('reg', a), asm.inout('reg', b), asm.inout('reg', c), asm.inout('reg', d), asm.inout('reg', e), asm.inout('reg', f), asm.clobberAbi('sysv'));
