// Example output in the docs, compared with the real thing. A block marked
// `<!-- output: NAME TEST -->` shows what a tool prints; TEST is the test
// that produces that output from the real build and calls
// expectDocOutput('NAME', output) (QEMU tests share the boot they make
// anyway). The comparison masks what varies from build to build and run to
// run: every number (decimal, or hex with 0x; `0x…` in a doc stands for any
// hex number, `…` alone for any text), except a line and column after a
// `.ts:`, which must be exact. Everything else must be as in the doc, and
// the doc's lines must be a run of whole lines of the output.
import { expect } from 'vitest';
import { blocks, docs, where, type Block } from './docs.js';

/** The blocks marked `<!-- output: NAME … -->`, in every doc. */
export function outputBlocks(name?: string): Block[] {
  return docs().flatMap(blocks).filter((b) => b.marker?.kind === 'output' && (name === undefined || b.marker.arg.split(/\s+/)[0] === name));
}

/** A doc line as a regular expression over an output line, the variable parts masked. */
export function masked(line: string): RegExp {
  let re = '';
  const token = /(\.ts:\d+(?::\d+)?)|(0x…|0x[0-9a-fA-F]+)|(…)|(\b\d+\b)|([\s\S])/g;
  for (const m of line.matchAll(token)) {
    if (m[1]) re += m[1].replace('.', '\\.');
    else if (m[2]) re += '0x[0-9a-fA-F]+';
    else if (m[3]) re += '.*?';
    else if (m[4]) re += '\\d+';
    else re += m[5]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether the block's lines, masked, match a run of whole lines of `output`. */
export function matchesOutput(block: Block, output: string): boolean {
  const want = block.code.replace(/\n$/, '').split('\n').map(masked);
  const got = output.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i + want.length <= got.length; i++) if (want.every((re, k) => re.test(got[i + k]!))) return true;
  return false;
}

/** The doc line of the block's first line that no line of `output` matches, if any: where a mismatch most likely is. */
function firstStranger(block: Block, output: string): string {
  const got = output.replace(/\r\n/g, '\n').split('\n');
  const lines = block.code.replace(/\n$/, '').split('\n');
  const k = lines.findIndex((l) => !got.some((g) => masked(l).test(g)));
  return k < 0 ? 'its lines are all there, but not in this order' : `${where(block.doc, block.line + 1 + k)} is in no line of it: ${lines[k]}`;
}

/** Checks that every doc block marked `<!-- output: NAME … -->` is (masked) part of `output`. */
export function expectDocOutput(name: string, output: string): void {
  const marked = outputBlocks(name);
  expect(marked.length, `no doc block is marked <!-- output: ${name} … -->`).toBeGreaterThan(0);
  for (const b of marked) {
    const message = `${where(b.doc, b.line)}: the block (output: ${name}) is not what the build prints (numbers masked); ${firstStranger(b, output)}\n--- the real output ---\n${output}`;
    expect(matchesOutput(b, output), message).toBe(true);
  }
}

/** The commands of a shell-session block: the text after each prompt. */
export function sessionCommands(name: string, prompt: string): string[] {
  const [b] = outputBlocks(name);
  expect(b, `no doc block is marked <!-- output: ${name} … -->`).toBeDefined();
  return b!.code.split('\n').filter((l) => l.startsWith(prompt)).map((l) => l.slice(prompt.length));
}
