// Reading a Template piece as another kind panics with the location.
function firstInt(t: Template): i64 {
  return Template.int(t, 0);
}
console.log(firstInt(`${7}`));
console.log(firstInt(`n=${7}`));
//= 7
// stderr: panic: template piece is not a signed integer
// stderr:     at test/compiler/panics/p-template-kind.ts:3
