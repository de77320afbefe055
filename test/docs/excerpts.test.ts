// The recipes quote the code step by step: docs/adding-a-driver.md the RTC
// driver, docs/adding-a-syscall.md the uptime call, docs/adding-a-pci-driver.md
// the virtio-blk driver. A code block marked
// `<!-- excerpt: FILE -->` must appear word for word in FILE, in every doc,
// so a quote cannot drift from the code it shows; in the recipes every
// block is one.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blocks, doc, docs, root, where } from './docs.js';

const RECIPES: { name: string; minBlocks: number; subject: string; minSubject: number }[] = [
  { name: 'docs/adding-a-driver.md', minBlocks: 8, subject: 'kernel/drivers/rtc', minSubject: 8 },
  { name: 'docs/adding-a-syscall.md', minBlocks: 7, subject: 'kernel/syscall/', minSubject: 4 },
  { name: 'docs/adding-a-pci-driver.md', minBlocks: 7, subject: 'kernel/drivers/virtio/blk', minSubject: 6 },
];

describe.each(RECIPES)('$name', ({ name, minBlocks, subject, minSubject }) => {
  it('marks every code block as an excerpt of a named file', () => {
    const all = blocks(doc(name));
    expect(all.length).toBeGreaterThanOrEqual(minBlocks);
    for (const b of all) expect(b.marker?.kind, `${where(b.doc, b.line)}: code block without an excerpt comment`).toBe('excerpt');
    expect(all.filter((b) => b.marker!.arg.startsWith(subject)).length).toBeGreaterThanOrEqual(minSubject);
  });
});

it('every excerpt quotes its file word for word', () => {
  const excerpts = docs().flatMap(blocks).filter((b) => b.marker?.kind === 'excerpt');
  for (const b of excerpts) {
    const source = readFileSync(join(root, b.marker!.arg), 'utf8');
    expect(source.includes(b.code), `${where(b.doc, b.line)}: the block is not in ${b.marker!.arg}:\n${b.code}`).toBe(true);
  }
});
