// A rebuild of build/disk.img keeps the user's files: /home of the
// previous image is copied into the new staging tree, and an image whose
// /home cannot be read is kept aside as disk.img.prev (compiler/image/volume.ts).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepHome, stageRoot } from '../../compiler/image/volume.js';
import { makeExt2, stage } from './ext2image.js';

function freshStaging(): string {
  return stageRoot([], mkdtempSync(join(tmpdir(), 'tskc-keephome-')));
}

describe('keeping /home across image builds', () => {
  it('copies /home of the previous image, nested files included, into the new tree', () => {
    const old = makeExt2(stage({
      'home/notes.txt': { data: Buffer.from('remember the milk\n') },
      'home/project/a.ts': { data: Buffer.from('export {};\n') },
      'bin/old': { data: Buffer.from('not kept') },
    }), 8, 4096, true);
    const staging = freshStaging();
    expect(keepHome(old, staging)).toBe('kept /home of the previous disk image (2 entries)');
    expect(readFileSync(join(staging, 'home', 'notes.txt'), 'utf8')).toBe('remember the milk\n');
    expect(readFileSync(join(staging, 'home', 'project', 'a.ts'), 'utf8')).toBe('export {};\n');
    expect(existsSync(join(staging, 'bin', 'old'))).toBe(false);
    expect(existsSync(`${old}.prev`)).toBe(false);
  });

  it('says so when there is no previous image, and keeps an unreadable one as .prev', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-keephome-'));
    expect(keepHome(join(dir, 'disk.img'), freshStaging())).toBe('no previous disk image');
    const broken = join(dir, 'disk.img');
    writeFileSync(broken, Buffer.alloc(1024 * 1024, 0x5a));
    expect(keepHome(broken, freshStaging())).toMatch(/^cannot read \/home of the previous disk image \(no ext2 partition 1\); it is kept as .*disk\.img\.prev$/);
    expect(readFileSync(`${broken}.prev`).equals(readFileSync(broken))).toBe(true);
  });
});
