// `tskc init DIR` (and `npm exec create-tskc DIR`): a new kernel project
// from compiler/init/template/, its name taken from DIR. The template's
// `{{NAME}}` and `{{VERSION}}` become the project's name and this tskc's
// version; `gitignore` becomes `.gitignore` (npm leaves dotfiles out of
// packages). docs/getting-started.md walks through the result.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ToolError } from '../driver/toolchain.js';
import { repoRoot } from '../frontend/program.js';

/** The files of the template, relative to it. */
function templateFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).sort().flatMap((name) => {
    const r = rel ? `${rel}/${name}` : name;
    return statSync(join(dir, r)).isDirectory() ? templateFiles(dir, r) : [r];
  });
}

/** A package name from a directory name: lower case, letters, digits, `-`, `.`, `_`. */
export function projectName(dir: string): string {
  const name = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  return name || 'my-kernel';
}

/** Writes the project; returns the files written (relative to it). */
export function initProject(dir: string, log: (line: string) => void): string[] {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new ToolError(`init: '${dir}' exists and is not empty; name a new directory`);
  }
  const root = repoRoot();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const name = projectName(dir);
  const template = join(root, 'compiler', 'init', 'template');
  const written: string[] = [];
  for (const rel of templateFiles(template)) {
    const out = rel === 'gitignore' ? '.gitignore' : rel;
    const text = readFileSync(join(template, rel), 'utf8').replaceAll('{{NAME}}', name).replaceAll('{{VERSION}}', version);
    mkdirSync(join(target, out, '..'), { recursive: true });
    writeFileSync(join(target, out), text);
    written.push(out);
  }
  const shown = relative(process.cwd(), target) || '.';
  log(`tskc init: created ${name} in ${shown} (${written.length} files)`);
  log('Next:');
  log(`  cd ${shown}`);
  log('  npm install     # tskc, as the project\'s dev dependency');
  log('  npm start       # build the kernel and boot it in QEMU (Ctrl-A X quits)');
  log('  npm test        # boot it headless and check what it prints');
  log('README.md in the project says how to grow it.');
  return written;
}
