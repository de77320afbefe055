// Fallthrough accumulates; the days-in-month classic.
function daysBefore(month: i32): i32 {
  let d: i32 = 0;
  switch (month) {
    case 12:
      d += 30;
    case 11:
      d += 31;
    case 10:
      d += 30;
    case 9:
      d += 31;
    case 8:
      d += 31;
    case 7:
      d += 30;
    case 6:
      d += 31;
    case 5:
      d += 30;
    case 4:
      d += 31;
    case 3:
      d += 28;
    case 2:
      d += 31;
  }
  return d;
}
for (let m: i32 = 1; m <= 12; m++) console.log(m, daysBefore(m));
//= 1 0
//= 2 31
//= 3 59
//= 4 90
//= 5 120
//= 6 151
//= 7 181
//= 8 212
//= 9 243
//= 10 273
//= 11 304
//= 12 334
