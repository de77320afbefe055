// syscall: getpid is positive and write(2) to fd 1 after flushing lines.
// node: skip (syscall is tskc's)
const pid = syscall(39, 0, 0, 0, 0, 0, 0);
console.log(pid > 0);
const msg = 'raw\n';
const n = syscall(1, 1, i64(changetype<usize>(msg) + 8), 4, 0, 0, 0);
console.log(n);
//= true
//= raw
//= 4
