// The recipes quote the code step by step: docs/adding-a-driver.md the RTC
// driver, docs/adding-a-syscall.md the uptime call. Every code block there
// is marked `<!-- excerpt: FILE -->` and must appear word for word in FILE,
// so a recipe cannot drift from the code it describes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

interface Block {
  file: string | null;
  code: string;
  line: number;
}

/** Every fenced code block of the doc, with the file named by an excerpt comment right above it. */
function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const re = /(?:<!-- excerpt: (\S+) -->\n)?```\w*\n([\s\S]*?)```/g;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    blocks.push({ file: m[1] ?? null, code: m[2]!, line: markdown.slice(0, m.index).split('\n').length });
  }
  return blocks;
}

const RECIPES: { doc: string; minBlocks: number; subject: string; minSubject: number }[] = [
  { doc: 'adding-a-driver.md', minBlocks: 8, subject: 'kernel/drivers/rtc', minSubject: 8 },
  { doc: 'adding-a-syscall.md', minBlocks: 7, subject: 'kernel/syscall/', minSubject: 4 },
];

describe.each(RECIPES)('docs/$doc', ({ doc: name, minBlocks, subject, minSubject }) => {
  const doc = readFileSync(join(root, 'docs', name), 'utf8');
  const blocks = codeBlocks(doc);

  it('marks every code block as an excerpt of a named file', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(minBlocks);
    for (const b of blocks) expect(b.file, `code block at line ${b.line} has no excerpt comment`).not.toBeNull();
    expect(blocks.filter((b) => b.file!.startsWith(subject)).length).toBeGreaterThanOrEqual(minSubject);
  });

  it('quotes its files word for word', () => {
    for (const b of blocks) {
      const source = readFileSync(join(root, b.file!), 'utf8');
      expect(source.includes(b.code), `block at line ${b.line} is not in ${b.file}:\n${b.code}`).toBe(true);
    }
  });

  it('names only files that exist', () => {
    for (const m of doc.matchAll(/`((?:kernel|userland)\/[\w/.-]+\.ts)`/g)) {
      expect(() => readFileSync(join(root, m[1]!)), m[1]).not.toThrow();
    }
  });
});
