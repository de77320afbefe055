// Mutual recursion: Hofstadter's female and male sequences.
function female(n: i32): i32 {
  return n == 0 ? 1 : n - male(female(n - 1));
}
function male(n: i32): i32 {
  return n == 0 ? 0 : n - female(male(n - 1));
}
for (let i: i32 = 0; i < 15; i++) console.log(i, female(i), male(i));
//= 0 1 0
//= 1 1 0
//= 2 2 1
//= 3 2 2
//= 4 3 2
//= 5 3 3
//= 6 4 4
//= 7 5 4
//= 8 5 5
//= 9 6 6
//= 10 6 6
//= 11 7 7
//= 12 8 7
//= 13 8 8
//= 14 9 9
