// tls [ROUNDS]: user thread-local storage through the FS base, on tskc and on
// Linux alike. Sets FS to a page of its own holding its pid (arch_prctl
// ARCH_SET_FS), reads it back through fs:[…] and ARCH_GET_FS, then yields and
// sleeps ROUNDS times (100 by default), checking after each that FS still
// points at its page: run two at once and each keeps its own. Also checks
// the errors: an address outside user space is EPERM, a bad pointer for
// ARCH_GET_FS EFAULT, an unknown code EINVAL. Prints "tls: ok" or what
// failed; exits 0 or 1.

import { ARCH_GET_FS, ARCH_SET_FS, EFAULT, EINVAL, EPERM, SYS_ARCH_PRCTL } from '../../kernel/syscall/numbers';
import { argNumber } from '../lib/args';
import { printf, println } from '../lib/print';
import { exit, getpid, isError, mmapAnon, schedYield, sleepMs } from '../lib/sys';

const got: usize = memory.data(8);

function archPrctl(code: i64, addr: u64): i64 {
  return syscall(SYS_ARCH_PRCTL, code, addr);
}

/** The two words at fs:0 and fs:8. */
function fsWord0(): u64 {
  return asm<u64>('mov {result}, [fs:0]', asm.out('reg'));
}

function fsWord8(): u64 {
  return asm<u64>('mov {result}, [fs:8]', asm.out('reg'));
}

function fail(what: string): never {
  printf(`tls: FAILED: ${what}\n`);
  exit(1);
}

const rounds = argNumber(1, 100);
const page = mmapAnon(4096);
if (isError(page)) fail('mmap');
const pid = u64(getpid());
store<u64>(usize(page), pid);
store<u64>(usize(page) + 8, 0x7153_7153_7153_7153);

if (archPrctl(ARCH_SET_FS, u64(page)) != 0) fail('ARCH_SET_FS');
if (fsWord0() != pid || fsWord8() != 0x7153_7153_7153_7153) fail('fs:[0] and fs:[8] are not the page');
if (archPrctl(ARCH_GET_FS, u64(got)) != 0 || load<u64>(got) != u64(page)) fail('ARCH_GET_FS');
for (let i: i64 = 0; i < rounds; i++) {
  schedYield();
  if (i % 10 == 0) sleepMs(1);
  if (fsWord0() != pid) fail('another process\'s FS after a switch');
}
const errors = archPrctl(ARCH_SET_FS, 0xffff_8000_0000_0000) == -EPERM && archPrctl(ARCH_GET_FS, 0x10) == -EFAULT &&
  archPrctl(0x9999, 0) == -EINVAL;
if (!errors) fail('a kernel address, a bad pointer or an unknown code got the wrong answer');
if (fsWord0() != pid) fail('a refused ARCH_SET_FS changed FS');
println('tls: ok');
exit(0);
