// `tskc doctor`: which system tools tskc needs are there, which are missing,
// and the exact command that installs the missing ones. The tool list is
// compiler/setup/bootstrap.js's (REQUIRED_TOOLS), which installs them in a
// checkout; an installed package only reports. Building and booting a kernel
// needs nasm, ld.lld and QEMU; the others are optional for a user's project
// (doctor fails only for a missing required tool).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../frontend/program.js';

interface Setup {
  REQUIRED_TOOLS: Record<string, string>;
  findOnPath(name: string, pathEnv?: string): string | null;
  debianPackagesFor(tools: string[]): string[];
}

const MIN_NODE = 20;

/** The tools a kernel project can do without, and what they are for. */
const OPTIONAL: Record<string, string> = {
  gdb: 'source-level debugging, tskc debug',
  mke2fs: 'ext2 disk images for a kernel with a file system (docs/storage.md)',
  chromium: "only the benchmark report's test of tskc's own repository",
};

/** Prints the report; returns the exit code (1 when a required tool is missing, or Node is too old). */
export async function doctor(out: (line: string) => void): Promise<number> {
  const setup = (await import(pathToFileURL(join(repoRoot(), 'compiler', 'setup', 'bootstrap.js')).href)) as Setup;
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const rows: [string, string][] = [[`node ${process.versions.node}`, nodeMajor >= MIN_NODE ? 'ok' : `too old: tskc needs Node ${MIN_NODE} or later`]];
  const missing: string[] = [];
  for (const [tool, pkg] of Object.entries(setup.REQUIRED_TOOLS)) {
    const at = setup.findOnPath(tool);
    if (at === null) missing.push(tool);
    const optional = OPTIONAL[tool] === undefined ? '' : `; optional: ${OPTIONAL[tool]}`;
    rows.push([tool, at === null ? `missing (Debian package ${pkg}${optional})` : `ok: ${at}`]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  out('tskc doctor: the tools tskc runs');
  for (const [name, state] of rows) out(`  ${name.padEnd(width)}  ${state}`);
  const required = missing.filter((t) => OPTIONAL[t] === undefined);
  if (missing.length === 0) out('Everything tskc needs is installed.');
  else {
    const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...setup.debianPackagesFor(missing)].join(' ');
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    out(`Missing: ${missing.join(', ')}. On Debian or Ubuntu, install them with:`);
    out(`  ${sudo}apt-get update && ${sudo}${install}`);
    if (required.length === 0) out('Everything a kernel project needs to build and boot is installed.');
  }
  return required.length === 0 && nodeMajor >= MIN_NODE ? 0 : 1;
}
