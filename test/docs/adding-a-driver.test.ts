// docs/adding-a-driver.md quotes the RTC driver step by step: every code
// block there is marked `<!-- excerpt: FILE -->` and must appear word for
// word in FILE, so the recipe cannot drift from the code it describes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'adding-a-driver.md'), 'utf8');

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

describe('docs/adding-a-driver.md', () => {
  const blocks = codeBlocks(doc);

  it('marks every code block as an excerpt of a named file', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const b of blocks) expect(b.file, `code block at line ${b.line} has no excerpt comment`).not.toBeNull();
    expect(blocks.filter((b) => b.file!.startsWith('kernel/drivers/rtc')).length).toBeGreaterThanOrEqual(8);
  });

  it('quotes its files word for word', () => {
    for (const b of blocks) {
      const source = readFileSync(join(root, b.file!), 'utf8');
      expect(source.includes(b.code), `block at line ${b.line} is not in ${b.file}:\n${b.code}`).toBe(true);
    }
  });

  it('names only files that exist among the drivers it lists', () => {
    for (const m of doc.matchAll(/`(kernel\/[\w/.-]+\.ts)`/g)) {
      expect(() => readFileSync(join(root, m[1]!)), m[1]).not.toThrow();
    }
  });
});
