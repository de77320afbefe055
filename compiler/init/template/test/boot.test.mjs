// Boots the kernel headless in QEMU and waits for what it prints on the
// serial line: the banner, its own interrupt, the ring-3 program. It waits
// for each line (no fixed sleeps); the limit only turns a hang into a
// failure that shows the log. `npm test` builds build/disk.img first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

/** The most a boot may take before it counts as a hang (TSKC_TIME_SCALE scales it on a slow machine). */
const HANG_LIMIT_MS = 60_000 * Number(process.env.TSKC_TIME_SCALE ?? 1);

/** Boots build/disk.img and resolves with the serial output once every marker has appeared, in order. */
function bootUntil(markers) {
  const qemu = spawn('qemu-system-x86_64', [
    '-drive', 'if=virtio,format=raw,file=build/disk.img', '-serial', 'stdio', '-display', 'none',
    '-net', 'none', '-no-reboot', '-m', '128M',
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no '${markers.find((m) => !log.includes(m))}' within ${HANG_LIMIT_MS} ms; serial log:\n${log}`)), HANG_LIMIT_MS);
    const finish = (error) => {
      clearTimeout(timer);
      qemu.kill();
      if (error) reject(error);
      else resolve(log);
    };
    qemu.on('error', finish);
    qemu.stdout.on('data', (chunk) => {
      log += chunk.toString('latin1');
      let at = 0;
      for (const m of markers) {
        at = log.indexOf(m, at);
        if (at < 0) return;
      }
      finish(null);
    });
    qemu.on('exit', (code) => finish(new Error(`QEMU exited (${code}) early; serial log:\n${log}`)));
  });
}

test('the kernel boots, handles its own interrupt and runs hello in ring 3', async () => {
  const log = await bootUntil([
    '{{NAME}}: hello from a kernel of my own',
    '{{NAME}}: interrupt 0x81 handled (1 so far), from rip 0x',
    'hello from ring 3',
    '{{NAME}}: every program has exited; halting',
  ]);
  assert.doesNotMatch(log, /panic|exception/i);
});
