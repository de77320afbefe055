// error: TS2304 @ 2
outb(0x3f8, 65);
