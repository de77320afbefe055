// Source locations in example output: `FUNCTION at FILE.ts:LINE[:COL]`, as
// fault reports, panics and tskc symbolize print them. A location must be
// true of the tree, whether or not a test produces the example: FILE is a
// tree file (as written, or the tail of one), FUNCTION (without a `+0x…`
// offset) is a function or method of FILE whose lines include LINE
// (`tskc.init`: LINE is top-level code, outside every function), and a
// location that is a call site — a stack frame `#N`, `called from`, or the
// call in `(inlined into … at …)` — has a call on LINE.
import { callsOn, files, functions } from './source.js';

export interface Location {
  fn: string;
  file: string;
  line: number;
  call: boolean;
}

const AT = /(#\d+ (?:0x[0-9a-f…]+ )?|called from (?:0x[0-9a-f…]+ )?|inlined into |)([\w.$]+)(?:\+0x[0-9a-f]+)? at ([\w./-]+\.ts):(\d+)/g;

/** The locations a text claims. */
export function locations(text: string): Location[] {
  return [...text.matchAll(AT)].map((m) => ({ fn: m[2]!, file: m[3]!, line: Number(m[4]), call: m[1] !== '' }));
}

/** What is wrong with a location, or null. */
export function locationProblem(l: Location): string | null {
  const tree = files();
  const file = tree.includes(l.file) ? l.file : tree.find((f) => f.endsWith(`/${l.file}`));
  if (!file) return `${l.file} is no file of the tree`;
  const fns = functions(file);
  const at = `${l.file}:${l.line}`;
  if (l.fn === 'tskc.init') {
    const inside = fns.find((f) => f.first <= l.line && l.line <= f.last);
    if (inside) return `${at} is in ${inside.name}, not top-level code (tskc.init)`;
  } else {
    const name = l.fn.split('.').pop()!;
    const fn = fns.filter((f) => f.name === name);
    if (fn.length === 0) return `${file} has no function ${name}`;
    if (!fn.some((f) => f.first <= l.line && l.line <= f.last)) return `${at} is not in ${name} (lines ${fn.map((f) => `${f.first}–${f.last}`).join(', ')})`;
  }
  if (l.call && !callsOn(file, l.line)) return `${at} has no call, but the example makes it a call site`;
  return null;
}
