// Child-process entry of test262.test.ts: checks shard k of n of the
// test262 parser snippets (every n-th from k) and reports on stdout.
//   vite-node test/robustness/shard.ts -- <k> <n>
import { allSnippets, checkSnippets } from './snippets.js';

const [k, n] = process.argv.slice(2).filter((a) => a !== '--').map(Number);
if (!Number.isInteger(k) || !Number.isInteger(n) || n < 1 || k < 0 || k >= n) {
  console.error('usage: vite-node test/robustness/shard.ts -- <k> <n>');
  process.exit(2);
}
checkSnippets(
  allSnippets().filter((_, i) => i % n === k),
  (label) => process.stdout.write(`START ${label}\n`),
  (r) => process.stdout.write(`RESULT ${JSON.stringify(r)}\n`),
);
