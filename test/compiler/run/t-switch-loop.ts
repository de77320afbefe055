// break inside switch leaves the switch; labelled break leaves the loop.
let log: i32 = 0;
loop: for (let i: i32 = 0; i < 100; i++) {
  switch (i % 4) {
    case 0:
      log += 1;
      break;
    case 1:
      log += 10;
      continue loop;
    case 2:
      if (i > 20) break loop;
      log += 100;
      break;
    default:
      log += 1000;
  }
  log += 10000;
}
console.log(log);
//= 165566
