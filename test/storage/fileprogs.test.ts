// The file programs (rm, mkdir, rmdir, cp, mv, touch, ln, stat, tail,
// grep, hexdump, df, sync) on the host and on tskc: one script of
// commands, each run by the tskc shell in /home/w of a writable copy of
// the kernel's disk (programs from its /bin) and, built with --target
// linux, by sh in a host directory holding the same two files; every
// command's output (standard error included, and the shell's "NAME:
// exited with status N" for a failure) must be the same. Then, from
// outside the guest: e2fsck -fn finds the volume clean, debugfs reads the
// fast and the slow symbolic link the guest made, touch set a time of now,
// and df's figures are the superblock's. On the host, hexdump -C matches
// the canonical format (test/storage/hexdump.ts) and the host's own
// hexdump where there is one, and df the host's statfs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOTD } from '../../compiler/image/volume.js';
import { useQemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';
import { BANNER, kernelBuild, PROMPT, shellRun } from '../kernel/kernel.js';
import { buildUserProgram } from '../userland/build.js';
import { debugfsCat, fsck } from './ext2image.js';
import { canonicalHexdump } from './hexdump.js';

const PROGRAMS = ['rm', 'mkdir', 'rmdir', 'cp', 'mv', 'touch', 'ln', 'stat', 'tail', 'grep', 'hexdump', 'df', 'sync', 'cat'];
const LONG = `${'a/../'.repeat(14)}motd`; // 74 bytes: a slow symbolic link, its target in a block

/** Run in /home/w (guest) and the host directory; `motd` and `prog` (/bin/true) are there first. */
const SCRIPT = [
  'mkdir -p a/b/c', 'mkdir a', 'mkdir x/y', 'touch a/f1 a/b/f2', 'cp motd a/b/c', 'cp motd prog a', 'cp nope a', 'cp a x',
  'stat a/motd a/b/c/motd a/f1 nope', 'tail -n 2 motd', 'tail -c 10 motd', 'tail -n 1 < motd', 'tail nope',
  'grep Programs motd', 'grep -n -i HOME motd', 'grep -c e motd a/motd', 'grep -v zzz motd', 'grep zzz motd', 'grep e nope motd',
  'hexdump -C motd', 'hexdump -C prog', 'hexdump -C nope',
  'ln -s motd sl', 'ln -s a/b/gone dangling', 'ln -s sl2 sl1', 'ln -s sl1 sl2', 'grep x sl1', `ln -s ${LONG} long`, 'cat long', 'cat sl',
  'ln motd hard', 'ln motd hard', 'ln -s motd sl', 'stat sl dangling long hard motd',
  'mv hard a/b', 'mv a/b/hard a/b/renamed', 'mv nope x', 'mv a/b a/f1', 'stat a/b/renamed',
  'rmdir a', 'rmdir a/b/c', 'rm a/b/c/motd', 'rmdir a/b/c', 'rm a', 'rm nope', 'rm -f nope', 'rm -r a', 'stat a', 'touch x/y',
  'rm sl', 'stat sl', 'sync',
];

/** /bin/true of the disk image `disk` (taken out of its partition with debugfs): its bytes. */
function binTrue(disk: string): Buffer {
  return debugfsCat(volumeOf(disk), '/bin/true');
}

/** Partition 1 of the disk image `disk` as a volume image of its own; its path. */
function volumeOf(disk: string): string {
  const bytes = readFileSync(disk);
  const lba = bytes.readUInt32LE(446 + 8);
  const file = join(mkdtempSync(join(tmpdir(), 'tskc-fileprogs-')), 'volume.img');
  writeFileSync(file, bytes.subarray(lba * 512, (lba + bytes.readUInt32LE(446 + 12)) * 512));
  return file;
}

function sbin(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
}

/** Runs `line` as the tskc shell would, with sh in `dir`: its output (errors included) and the shell's report of a failure. */
function hostRun(exes: Map<string, string>, dir: string, line: string): string {
  const words = line.split(' ');
  const cmd = words.map((w, i) => (i === 0 || words[i - 1] === '|') && exes.has(w) ? exes.get(w)! : w).join(' ');
  const r = spawnSync('sh', ['-c', `umask 022; ${cmd} 2>&1`], { cwd: dir, encoding: 'utf8' });
  return r.stdout + (r.status !== 0 ? `${words[0]}: exited with status ${r.status}\n` : '');
}

describe('the file programs', () => {
  it('print the same on the host as in the guest, leave a clean volume, and make links debugfs reads', async () => {
    const exes = new Map(PROGRAMS.map((p) => [p, buildUserProgram(`programs/${p}.ts`)]));
    const k = await kernelBuild();
    const disk = join(mkdtempSync(join(tmpdir(), 'tskc-fileprogs-')), 'disk.img');
    copyFileSync(k.diskImage, disk);

    const host = mkdtempSync(join(tmpdir(), 'tskc-fileprogs-host-'));
    writeFileSync(join(host, 'motd'), MOTD);
    writeFileSync(join(host, 'prog'), binTrue(disk));
    const hostOut = SCRIPT.map((line) => hostRun(exes, host, line));

    const vm = await useQemu({ image: disk, elf: k.kernelElf, snapshot: false });
    await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
    expect(await shellRun(vm, 'touch /etc/motd')).toBe(''); // a time of now, checked below
    expect(await shellRun(vm, 'mkdir /home/w')).toBe('');
    const home = 'tskc:/home/w$ ';
    await vm.sendSerial('cd /home/w\r');
    await vm.waitForSerial(`\r\n${home}`);
    const guest = async (line: string): Promise<string> => {
      const at = vm.serial().length;
      await vm.sendSerial(`${line}\r`);
      const upTo = await vm.waitForSerial(`\r\n${home}`, hangLimit(60_000), { since: at });
      return upTo.slice(at).replace(/\r\n/g, '\n').slice(`${line}\n`.length, -home.length);
    };
    expect(await guest('cp /etc/motd motd')).toBe('');
    expect(await guest('cp /bin/true prog')).toBe('');
    const guestOut: string[] = [];
    for (const line of SCRIPT) guestOut.push(await guest(line));
    const df = (await guest('df /')).split('\n');
    expect(vm.serial()).not.toMatch(/kernel panic|page fault|general protection|killed: #/);
    await vm.kill();
    for (let i = 0; i < SCRIPT.length; i++) expect(guestOut[i], SCRIPT[i]).toBe(hostOut[i]);
    // What the outputs say, besides being equal.
    const out = (line: string): string => hostOut[SCRIPT.indexOf(line)]!;
    expect(out('mkdir a')).toBe("mkdir: cannot create directory 'a': File exists\nmkdir: exited with status 1\n");
    expect(out('grep x sl1')).toBe('grep: sl1: Too many levels of symbolic links\ngrep: exited with status 2\n');
    expect(out('grep zzz motd')).toBe('grep: exited with status 1\n');
    expect(out('cat long')).toBe(MOTD);
    expect(out('rm a')).toBe("rm: cannot remove 'a': Is a directory\nrm: exited with status 1\n");
    expect(out('rm -r a')).toBe('');
    expect(out('stat a')).toBe("stat: cannot stat 'a': No such file or directory\nstat: exited with status 1\n");
    expect(out('stat sl dangling long hard motd')).toContain(`  File: long -> ${LONG}\n  Size: 74\tType: symbolic link\n`);
    expect(out('stat sl dangling long hard motd')).toContain(`  File: hard\n  Size: ${MOTD.length}\tType: regular file\nAccess: (0644/-rw-r--r--)  Links: 2\n`);
    expect(out('hexdump -C prog')).toMatch(/^\*$/m);

    const volume = volumeOf(disk);
    const check = fsck(volume);
    expect(check.output, check.output).not.toMatch(/Fix\?|ERROR|Illegal|Inode .* has|differences/);
    expect(check.status, check.output).toBe(0);
    const stat = (path: string): string => sbin('debugfs', ['-R', `stat ${path}`, volume]);
    expect(stat('/home/w/sl1')).toMatch(/Type: symlink[\s\S]*Fast link dest: "sl2"/);
    expect(stat('/home/w/dangling')).toMatch(/Fast link dest: "a\/b\/gone"/);
    expect(stat('/home/w/long')).toMatch(/Type: symlink[\s\S]*Size: 74\b/);
    expect(stat('/home/w/long')).not.toMatch(/Fast link dest/);
    expect(debugfsCat(volume, '/home/w/long').subarray(0, LONG.length).toString()).toBe(LONG);
    const mtime = Number.parseInt(/mtime: 0x([0-9a-f]+)/.exec(stat('/etc/motd'))![1]!, 16);
    expect(Math.abs(mtime - Date.now() / 1000)).toBeLessThan(3600);
    // df's line is the superblock's figures, as the guest synced them just before.
    const sb = sbin('dumpe2fs', ['-h', volume]);
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(sb)![1]);
    const kib = field('Block size') / 1024;
    const used = (field('Block count') - field('Free blocks')) * kib;
    const avail = Math.max(0, field('Free blocks') - field('Reserved block count')) * kib;
    expect(df).toContain('1K-blocks Used Available Use% Inodes IFree Path');
    expect(df).toContain(`${field('Block count') * kib} ${used} ${avail} ${Math.ceil((used * 100) / (used + avail))}% ${field('Inode count')} ${field('Free inodes')} /`);
  }, hangLimit(600_000));

  it('on the host: hexdump -C prints the canonical format (and what the host`s hexdump prints, where it has one), df what statfs says', async () => {
    const hexdump = buildUserProgram('programs/hexdump.ts');
    const dir = mkdtempSync(join(tmpdir(), 'tskc-fileprogs-'));
    const files: Record<string, Buffer> = {
      empty: Buffer.alloc(0), short: Buffer.from('hello\n'), zeros: Buffer.alloc(1000), line: Buffer.alloc(16, 0x41),
      mixed: Buffer.concat([Buffer.alloc(40, 7), Buffer.from('tskc \x7f\x80\xff'), Buffer.alloc(70), Buffer.from('end')]),
    };
    const hostHas = spawnSync('hexdump', ['-C', '/dev/null']).status === 0;
    const dump = (cmd: string, names: string[]): string => spawnSync(cmd, ['-C', ...names], { cwd: dir, encoding: 'utf8' }).stdout;
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(dir, name), bytes);
      const got = dump(hexdump, [name]);
      expect(got, name).toBe(canonicalHexdump(bytes));
      if (hostHas) expect(got, name).toBe(dump('hexdump', [name]));
    }
    const both = dump(hexdump, ['short', 'line']);
    expect(both).toBe(canonicalHexdump(Buffer.concat([files.short!, files.line!])));
    if (hostHas) expect(both).toBe(dump('hexdump', ['short', 'line']));

    const df = spawnSync(buildUserProgram('programs/df.ts'), [dir], { encoding: 'utf8' });
    expect(df.status).toBe(0);
    const [blocks, bsize, inodes] = spawnSync('stat', ['-f', '-c', '%b %S %c', dir], { encoding: 'utf8' }).stdout.trim().split(' ').map(Number);
    expect(df.stdout).toMatch(new RegExp(`^1K-blocks Used Available Use% Inodes IFree Path\\n${blocks! * bsize! / 1024} \\d+ \\d+ \\d+% ${inodes} \\d+ ${dir}\\n$`));
  });
});
