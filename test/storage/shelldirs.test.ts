// The shell on the disk's volume: `cd` and `pwd`, a prompt that shows the
// current directory, relative paths in the programs it starts (a forked
// child keeps the shell's directory), and the redirections `< FILE`,
// `> FILE` and `>> FILE` on the disk's (read-write) volume.
import { describe, expect, it } from 'vitest';
import { MOTD } from '../../compiler/image/volume.js';
import { useQemu, type Qemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';
import { BANNER, kernelBuild, PROMPT } from '../kernel/kernel.js';

/** Types `line` and waits for the prompt `prompt` after it; the output between, "\r\n" as "\n". */
async function run(vm: Qemu, line: string, prompt: string): Promise<string> {
  const at = vm.serial().length;
  await vm.sendSerial(`${line}\r`);
  const upTo = await vm.waitForSerial(`\r\n${prompt}`, undefined, { since: at });
  return upTo.slice(at).replace(/\r\n/g, '\n').slice(`${line}\n`.length, -prompt.length);
}

describe('the shell`s directory and redirection', () => {
  it('changes directory with cd, shows it in the prompt and pwd, and redirects input with < and output with > and >>', async () => {
    const k = await kernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf });
    await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
    const etc = 'tskc:/etc$ ';
    expect(await run(vm, 'pwd', PROMPT)).toBe('/\n');
    expect(await run(vm, 'cd /etc', etc)).toBe('');
    expect(await run(vm, 'pwd', etc)).toBe('/etc\n');
    expect(await run(vm, 'cat motd', etc)).toBe(MOTD); // a relative path, from the child's inherited directory
    expect(await run(vm, 'cat < motd', etc)).toBe(MOTD);
    expect(await run(vm, 'wc <motd', etc)).toBe(`      1      ${MOTD.split(/\s+/).filter(Boolean).length}      ${MOTD.length}\n`);
    expect(await run(vm, 'cat < /etc/motd | wc', etc)).toBe(`      1      ${MOTD.split(/\s+/).filter(Boolean).length}      ${MOTD.length}\n`);
    expect(await run(vm, 'cat < nope', etc)).toBe('shell: cannot open nope: ENOENT (2)\ncat: exited with status 1\n');
    expect(await run(vm, 'cat <', etc)).toBe('shell: < needs a file\ncat: exited with status 1\n');
    expect(await run(vm, 'cat >', etc)).toBe('shell: > needs a file\ncat: exited with status 1\n');
    expect(await run(vm, 'cat motd > /nope/out', etc)).toBe('shell: cannot open /nope/out: ENOENT (2)\ncat: exited with status 1\n');
    expect(await run(vm, 'cd nope', etc)).toBe('cd: nope: ENOENT (2)\n');
    expect(await run(vm, 'cd motd', etc)).toBe('cd: motd: ENOTDIR (20)\n');
    const home = 'tskc:/home$ ';
    expect(await run(vm, 'cd ../home', home)).toBe('');
    expect(await run(vm, 'cat /etc/motd > copy', home)).toBe('');
    expect(await run(vm, 'cat copy', home)).toBe(MOTD);
    expect(await run(vm, 'cat /etc/motd >>copy', home)).toBe('');
    expect(await run(vm, 'cat < copy', home)).toBe(MOTD + MOTD);
    expect(await run(vm, 'cat /etc/motd > copy', home)).toBe(''); // > empties it first
    expect(await run(vm, 'wc < copy', home)).toBe(`      1      ${MOTD.split(/\s+/).filter(Boolean).length}      ${MOTD.length}\n`);
    expect(await run(vm, 'cd', PROMPT)).toBe('');
    expect(await run(vm, 'pwd', PROMPT)).toBe('/\n');
  }, hangLimit(180_000));
});
