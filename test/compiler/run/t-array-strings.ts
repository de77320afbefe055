// Arrays of strings: literal, new Array, assignment, for-of.
const days: string[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
let letters: i32 = 0;
for (const d of days) letters += d.length;
console.log(days.length, letters, days[0], days[6]);
const picked = new Array<string>(3);
picked[0] = days[5];
picked[1] = days[6];
picked[2] = 'holiday';
for (const p of picked) console.log(p);
days[0] = 'monday';
console.log(days[0], days[0].length);
//= 7 21 mon sun
//= sat
//= sun
//= holiday
//= monday 6
