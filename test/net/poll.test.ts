// poll (issue #17): the polls program's checks over pipes and TCP sockets
// on 127.0.0.1, on the host (Linux is the reference) and on the tskc
// kernel, with the same output: readiness of each kind of fd, POLLHUP,
// POLLERR and POLLNVAL, timeouts, wake-ups from another process, EINTR,
// and the argument errors; ppoll's timespec, time left and signal mask;
// and nothing left behind in the kernel.
import { describe, expect, it } from 'vitest';
import { bootToShell, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';

const GROUPS = ['pipe', 'hup', 'timeout', 'wake', 'socket', 'eintr', 'errors', 'ppoll'];
const EXPECTED = GROUPS.map((g) => `polls: ${g} ok\n`).join('') + 'polls: done, 0 failed\n';

describe('poll', () => {
  it('passes on Linux: the reference for every revents and errno the program checks', async () => {
    const r = await run(buildUserProgram('programs/polls.ts'), []);
    expect(r.stdout).toBe(EXPECTED);
    expect(r.exitCode).toBe(0);
  });

  it('passes on tskc the same way, with every pipe, socket and process given back', async () => {
    const vm = await bootToShell();
    const before = await shellRun(vm, 'mem');
    expect(await shellRun(vm, 'polls')).toBe(EXPECTED);
    expect(await shellRun(vm, 'polls')).toBe(EXPECTED); // a second run finds everything as the first did
    // The connections' TIME_WAIT ends a few seconds later: then every page and heap byte is back.
    let after = await shellRun(vm, 'mem');
    for (let i = 0; i < 30 && after !== before; i++) after = (await shellRun(vm, 'sleep 1'), await shellRun(vm, 'mem'));
    expect(after).toBe(before);
  }, hangLimit(120_000));
});
