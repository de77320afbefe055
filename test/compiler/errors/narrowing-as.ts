// error: TSK1008 @ 3
let wide: i32 = 300;
let narrow = wide as u8;
