// if / else if / else chains.
function grade(score: i32): string {
  if (score >= 90) return 'A';
  else if (score >= 80) return 'B';
  else if (score >= 70) return 'C';
  else if (score >= 60) return 'D';
  else return 'F';
}
const scores: i32[] = [95, 85, 75, 65, 55, 90, 0, 100];
for (const s of scores) console.log(s, grade(s));
function sign(x: i64): i32 {
  if (x < 0) {
    return -1;
  } else if (x == 0) {
    return 0;
  }
  return 1;
}
console.log(sign(-5000000000), sign(0), sign(7));
let n: i32 = 15;
if (n % 15 == 0) console.log('fizzbuzz');
else if (n % 5 == 0) console.log('buzz');
else console.log('other');
//= 95 A
//= 85 B
//= 75 C
//= 65 D
//= 55 F
//= 90 A
//= 0 F
//= 100 A
//= -1 0 1
//= fizzbuzz
