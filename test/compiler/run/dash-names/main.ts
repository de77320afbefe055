// A file name that is not an identifier (my-lib) still gives valid symbols
// when a name must be qualified with it (helper is declared in both files).
// node: skip (a program of two files; the Node side transpiles single files)
import { twice } from './my-lib';
function helper(x: i32): i32 {
  return x - 1;
}
console.log(twice(3), helper(3));
//= 8 2
