// Command lines in the docs: `npm start`, `npm run NAME`, `tskc COMMAND
// --option` (also through npx). An npm script must be one of package.json's;
// a tskc command one of compiler/cli/main.ts's, with only the options that
// command declares; the options after `npm run bench --` must be ones
// test/bench/cli.ts reads. Other programs (qemu, gdb, nasm) are not checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './docs.js';

const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const cli = readFileSync(join(root, 'compiler/cli/main.ts'), 'utf8');
const bench = readFileSync(join(root, 'test/bench/cli.ts'), 'utf8');

/** The source of each tskc command's definition in main.ts, by name. */
const commands = new Map([...cli.matchAll(/\.command\('(\w+)'\)([\s\S]*?)(?=\.command\(|$)/g)].map((m) => [m[1]!, m[2]!]));

function optionDeclared(defn: string, opt: string): boolean {
  if (opt === '-t' || opt === '--target') return defn.includes('targetOption()');
  return new RegExp(`'(-\\w, )?[^']*?${opt.replace(/[-]/g, '\\-')}\\b`).test(defn);
}

/** The problems of one shell command line (comments and a `$ ` prompt allowed). */
export function commandProblems(line: string): string[] {
  const problems: string[] = [];
  const text = line.replace(/^\$ /, '').replace(/\s#.*$/, '').trim();
  for (const simple of text.split(/&&|\|\||[|;&]/)) {
    const words = simple.trim().split(/\s+/);
    if (words[0] === 'npx') words.shift();
    if (words[0] === 'npm') {
      const script = words[1] === 'run' ? words[2] : words[1];
      if (script && !scripts.includes(script)) problems.push(`npm script ${script} is not in package.json`);
      if (script === 'bench') {
        for (const w of words.slice(words.indexOf('--') + 1)) if (w.startsWith('--') && !bench.includes(`'${w}'`)) problems.push(`npm run bench has no option ${w}`);
      }
    } else if (words[0] === 'tskc') {
      if (words[1] === '--version' && cli.includes('.version(')) continue;
      const defn = commands.get(words[1] ?? '');
      if (!defn) {
        problems.push(`tskc has no command ${words[1]}`);
        continue;
      }
      for (const w of words.slice(2)) {
        const opt = w.replace(/=.*$/, '');
        if (/^--?[a-z]/.test(opt) && !optionDeclared(defn, opt)) problems.push(`tskc ${words[1]} has no option ${opt}`);
      }
    }
  }
  return problems;
}
