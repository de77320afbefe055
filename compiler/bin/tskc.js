#!/usr/bin/env node
// The tskc command. Rebuilds the compiler (dist/) first if its sources
// changed, then runs the CLI. Node built-ins only until the compiler loads.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCompilerBuilt } from '../setup/bootstrap.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
ensureCompilerBuilt(root);
await import(pathToFileURL(join(root, 'dist', 'compiler', 'cli', 'main.js')).href);
