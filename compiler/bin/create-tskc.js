#!/usr/bin/env node
// The package's initializer: `npm exec create-tskc DIR` (and `npm create
// tskc DIR` once the package is published as create-tskc) is `tskc init DIR`.
process.argv.splice(2, 0, 'init');
await import('./tskc.js');
