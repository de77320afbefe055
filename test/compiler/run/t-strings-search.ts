// Finding substrings and searching arrays of strings with ===.
function indexOf(hay: string, needle: string): i32 {
  for (let i: i32 = 0; i + needle.length <= hay.length; i++) {
    let j: i32 = 0;
    while (j < needle.length && hay.charCodeAt(i + j) == needle.charCodeAt(j)) j++;
    if (j == needle.length) return i;
  }
  return -1;
}
function find(names: string[], who: string): i32 {
  for (let i: i32 = 0; i < names.length; i++) if (names[i] === who) return i;
  return -1;
}
console.log(indexOf('hello world', 'world'), indexOf('hello', 'xyz'), indexOf('aaab', 'ab'), indexOf('abc', ''));
const names: string[] = ['ada', 'grace', 'linus', 'ken'];
console.log(find(names, 'linus'), find(names, 'ken'), find(names, 'dennis'), find(names, 'ada'));
//= 6 -1 2 0
//= 2 3 -1 0
