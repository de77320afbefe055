// node: skip (tskc:collections is tskc code, not loaded under Node)
// HashMap with class keys: by identity unless the map is given a hash and
// an equality of the user's (docs/library.md), and a HashSet of strings.
import { HashMap, HashSet } from 'tskc:collections';

class Point {
  constructor(public x: i32, public y: i32) {}
}

function hashPoint(p: Point): u32 {
  return u32(p.x) * 31 + u32(p.y);
}

function samePoint(a: Point, b: Point): bool {
  return a.x == b.x && a.y == b.y;
}

function main(): void {
  const a = new Point(1, 2);
  const b = new Point(1, 2);
  const byIdentity = new HashMap<Point, i32>();
  byIdentity.set(a, 10);
  console.log(byIdentity.has(a), byIdentity.has(b), byIdentity.getOr(b, -1));

  const byValue = new HashMap<Point, i32>();
  byValue.useHash(hashPoint, samePoint);
  byValue.set(a, 10);
  console.log(byValue.set(b, 20), byValue.get(a), byValue.size);

  const words = new HashSet<string>();
  for (const w of ['to', 'be', 'or', 'not', 'to', 'be']) words.add(w);
  console.log(words.size, words.has('not'), words.has('question'));
  byIdentity.free();
  byValue.free();
  words.free();
  free(byIdentity);
  free(byValue);
  free(words);
  free(a);
  free(b);
}
main();
//= true false -1
//= false 20 1
//= 4 true false
