// process.exit flushes output and ends with the given status.
// exit: 3
console.log('before');
process.exit(3);
console.log('never printed');
//= before
