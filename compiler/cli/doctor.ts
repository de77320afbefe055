// `tskc doctor`: which system tools tskc needs are there, which are missing,
// and the exact command that installs the missing ones. The tool list is
// compiler/setup/bootstrap.js's (REQUIRED_TOOLS), which installs them in a
// checkout; an installed package only reports.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../frontend/program.js';

interface Setup {
  REQUIRED_TOOLS: Record<string, string>;
  findOnPath(name: string, pathEnv?: string): string | null;
  debianPackagesFor(tools: string[]): string[];
}

const MIN_NODE = 20;

/** Prints the report; returns the exit code (1 when something is missing). */
export async function doctor(out: (line: string) => void): Promise<number> {
  const setup = (await import(pathToFileURL(join(repoRoot(), 'compiler', 'setup', 'bootstrap.js')).href)) as Setup;
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const rows: [string, string][] = [[`node ${process.versions.node}`, nodeMajor >= MIN_NODE ? 'ok' : `too old: tskc needs Node ${MIN_NODE} or later`]];
  const missing: string[] = [];
  for (const [tool, pkg] of Object.entries(setup.REQUIRED_TOOLS)) {
    const at = setup.findOnPath(tool);
    if (at === null) missing.push(tool);
    rows.push([tool, at === null ? `missing (Debian package ${pkg})` : `ok: ${at}`]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  out('tskc doctor: the tools tskc runs');
  for (const [name, state] of rows) out(`  ${name.padEnd(width)}  ${state}`);
  if (missing.length === 0 && nodeMajor >= MIN_NODE) {
    out('Everything tskc needs is installed.');
    return 0;
  }
  if (missing.length > 0) {
    const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...setup.debianPackagesFor(missing)].join(' ');
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    out(`Missing: ${missing.join(', ')}. On Debian or Ubuntu, install them with:`);
    out(`  ${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}${install}`);
  }
  return 1;
}
