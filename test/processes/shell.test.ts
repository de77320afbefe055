// The ring-3 shell as the kernel's first process (issue #7, "Userland"):
// the prompt, per-key echo, destructive backspace that stops at an empty
// line, Ctrl+C, the 128-byte line limit, every built-in, and input from the
// PS/2 keyboard as well as the serial line.
import { describe, expect, it } from 'vitest';
import { bootToShell, PROMPT, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { expectDocOutput, sessionCommands } from '../docs/output.js';

describe('the shell', () => {
  it('echoes what is typed on the serial line and on the keyboard, and runs echo', async () => {
    const vm = await bootToShell();
    expect(await shellRun(vm, 'echo hello from serial')).toBe('hello from serial\n');
    const at = vm.serial().length;
    await vm.sendKeys('echo Keys, Too!\n');
    await vm.waitForSerial(`echo Keys, Too!\r\nKeys, Too!\r\n${PROMPT}`, undefined, { since: at });
    const screen = (await vm.readScreen()).map((l) => l.trimEnd());
    expect(screen).toContain('Keys, Too!');
  });

  it('erases with backspace, does nothing at an empty line, and cancels on Ctrl+C', async () => {
    const vm = await bootToShell();
    let at = vm.serial().length;
    await vm.sendSerial('\x7f\x7f'); // at an empty line: nothing to erase, the prompt stays
    await vm.sendSerial('echo ab\x7fc\r');
    let out = await vm.waitForSerial(`\r\n${PROMPT}`, undefined, { since: at });
    expect(out.slice(at)).toBe(`echo ab\b \bc\r\nac\r\n${PROMPT}`);
    at = out.length;
    await vm.sendSerial('echo never\x03');
    out = await vm.waitForSerial(`^C\r\n${PROMPT}`, undefined, { since: at });
    expect(out.slice(at)).toBe(`echo never^C\r\n${PROMPT}`);
    expect(await shellRun(vm, 'echo after')).toBe('after\n');
  });

  it('takes backspace and Ctrl+C from the PS/2 keyboard as from the serial line', async () => {
    const vm = await bootToShell();
    let at = vm.serial().length;
    await vm.sendKey(['backspace']); // at an empty line: nothing happens
    await vm.sendKeys('echo abd');
    await vm.sendKey(['backspace'], { echo: '\b \b' });
    await vm.sendKeys('c\n');
    let out = await vm.waitForSerial(`\r\n${PROMPT}`, undefined, { since: at });
    expect(out.slice(at)).toBe(`echo abd\b \bc\r\nabc\r\n${PROMPT}`);
    at = out.length;
    await vm.sendKeys('echo gone');
    await vm.sendKey(['ctrl', 'c']);
    out = await vm.waitForSerial(`^C\r\n${PROMPT}`, undefined, { since: at });
    expect(out.slice(at)).toBe(`echo gone^C\r\n${PROMPT}`);
    const screen = (await vm.readScreen()).map((l) => l.trimEnd());
    expect(screen).toContain(`${PROMPT}echo gone^C`);
  });

  it('refuses a 200-character line: 128 characters echo, then a notice, and nothing runs', async () => {
    const vm = await bootToShell();
    const line = `echo ${'y'.repeat(195)}`;
    const out = await shellRun(vm, line);
    expect(out).toBe(`${line.slice(0, 128)}\nshell: line too long (200 characters, at most 128); not run\n`);
    expect(await shellRun(vm, 'echo still here')).toBe('still here\n');
  });

  it('runs every built-in, and the session README.md shows as it shows it', async () => {
    const vm = await bootToShell();
    // README.md's session, typed into the fresh shell: what it shows must be what the kernel prints (numbers masked).
    const commands = sessionCommands('shell-session', PROMPT);
    let session = vm.serial().replace(/\r\n/g, '\n');
    for (const command of commands) session += `${command}\n${await shellRun(vm, command)}${PROMPT}`;
    expectDocOutput('shell-session', session);
    expect(await shellRun(vm, 'help')).toMatch(/^built-in commands:\n(  \w+.*\n){11}any other NAME runs that program; < FILE gives it FILE as input, > FILE and >> FILE its output; a line ending in & runs it in the background; \$\? is the last status\n$/);
    expect(await shellRun(vm, 'pid')).toBe('1\n');
    const mem = await shellRun(vm, 'mem');
    const m = /^frames: (\d+) free of (\d+) \(\d+ KiB free\)\nheap: (\d+) bytes used, (\d+) bytes free\n$/.exec(mem);
    expect(m, mem).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(30000); // 128 MiB: about 32,000 frames, nearly all free
    expect(Number(m![1])).toBeLessThan(Number(m![2]));
    const up = /^up (\d+)\.\d s \((\d+) ms\)\n$/.exec(await shellRun(vm, 'uptime'));
    expect(up).not.toBeNull();
    expect(Number(up![2])).toBeGreaterThan(0);
    const hello = /^hello from tskc userland, pid (\d+)\narg 1: a\narg 2: b\n$/.exec(await shellRun(vm, 'spawn hello a b'));
    expect(hello).not.toBeNull();
    const pid = Number(hello![1]);
    expect(pid).toBe(2 + commands.filter((c) => !/^(help|echo|pid|mem|uptime|jobs|wait)\b/.test(c)).length); // each program took a pid
    expect(await shellRun(vm, 'spawn nope')).toBe('spawn: no program named nope\n');
    expect(await shellRun(vm, 'frobnicate')).toBe('unknown command: frobnicate (try help)\n');
    // exit ends the shell; the kernel starts a new one, with a new pid (frobnicate took one: the child that found no program).
    expect(await shellRun(vm, 'exit')).toBe('kernel: the shell exited; starting a new one\n');
    expect(await shellRun(vm, 'pid')).toBe(`${pid + 2}\n`);
  });

  it('gives Ctrl+C to the foreground job only: a hog dies, a background job and the shell go on, and $? says 130', async () => {
    const vm = await bootToShell();
    const job = /^\[(\d+)\]\n$/.exec(await shellRun(vm, 'spin 4000 &'));
    expect(job).not.toBeNull();
    let at = vm.serial().length;
    await vm.sendSerial('spin 600000 -v\r');
    await vm.waitForSerial('spin: started\r\n', undefined, { since: at });
    at = vm.serial().length;
    await vm.sendSerial('\x03'); // the hog runs in the foreground group: SIGINT ends it
    const out = await vm.waitForSerial(`\r\n${PROMPT}`, hangLimit(30_000), { since: at });
    expect(out.slice(at)).toBe(`\r\nspin: killed by signal 2\r\n${PROMPT}`);
    expect(await shellRun(vm, 'echo $?')).toBe('130\n');
    expect(await shellRun(vm, 'true')).toBe('');
    expect(await shellRun(vm, 'echo $? $?')).toBe('0 0\n');
    expect(await shellRun(vm, 'jobs')).toBe(`[${job![1]}] started\n`); // Ctrl+C did not reach the background job
    expect(await shellRun(vm, 'wait', hangLimit(60_000))).toMatch(new RegExp(`\\[${job![1]}\\] done\\n$`));
    // From the keyboard too, and on a pipeline: every stage is in the job's group.
    at = vm.serial().length;
    await vm.sendKeys('yes | cat | spin 600000 -v\n');
    await vm.waitForSerial('spin: started\r\n', undefined, { since: at });
    await vm.sendKey(['ctrl', 'c'], { echo: `\r\nspin: killed by signal 2\r\n${PROMPT}` });
    expect(await shellRun(vm, 'echo $?')).toBe('130\n');
    expect(await shellRun(vm, 'echo still here')).toBe('still here\n');
  }, hangLimit(180_000));
});
