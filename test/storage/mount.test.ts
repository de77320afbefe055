// The mount program: the volume of another virtio disk mounted over /
// (mount(2), docs/storage.md "Mounting another volume"), the programs then
// running from the initrd; its refusals say why, with mount's exit statuses.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { shellRun } from '../kernel/kernel.js';
import { makeExt2, stage } from './ext2image.js';
import { bootShellWithDisks } from './vm.js';

describe('mount', () => {
  it('mounts the second disk over /, read-write or read-only, and says why it cannot', async () => {
    const a = makeExt2(stage({ 'a.txt': { data: Buffer.from('volume a\n') } }), 4, 1024, false);
    const b = makeExt2(stage({ 'b.txt': { data: Buffer.from('volume b\n') } }), 4, 1024, true);
    const vm = await bootShellWithDisks([{ file: a, snapshot: true }, { file: b, snapshot: true }]);
    expect(await shellRun(vm, 'cat /a.txt')).toBe('volume a\n');
    // The kernel's console line says what it mounted (docs/storage.md).
    expect(await shellRun(vm, 'mount /dev/vdb')).toBe('ext2: mounted disk 1 as /: 4096 blocks of 1024 bytes, 1024 inodes, read-write\n');
    expect(await shellRun(vm, 'cat /b.txt')).toBe('volume b\n');
    expect(await shellRun(vm, 'cat /a.txt')).toBe('cat: cannot open /a.txt\ncat: exited with status 1\n');
    expect(await shellRun(vm, 'mount /dev/vdz')).toBe("mount: cannot mount '/dev/vdz': No such file or directory\nmount: exited with status 1\n");
    expect(await shellRun(vm, 'mount')).toBe('mount: usage: mount [-r] DEV [offset=BYTES,sizelimit=BYTES]\nmount: exited with status 2\n');
    expect(await shellRun(vm, 'mount -r /dev/vda')).toBe('ext2: mounted disk 0 as /: 4096 blocks of 1024 bytes, 1024 inodes, read-only\n');
    expect(await shellRun(vm, 'cat /a.txt')).toBe('volume a\n');
    expect(await shellRun(vm, 'cat /a.txt > /new.txt')).toMatch(/^shell: cannot open \/new\.txt: EROFS \(30\)\n/);
  }, hangLimit(180_000));
});
