// error: TSK1026 @ 3
// target: kernel
asm('xorps xmm0, xmm0', asm.clobber('xmm0'));
