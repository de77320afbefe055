#!/usr/bin/env node
// The tskc command. In a checkout it rebuilds the compiler (dist/) first if
// its sources changed; an installed package has no sources and ships dist/
// built (`npm pack` builds it). Then it runs the CLI. Node built-ins only
// until the compiler loads.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCompilerBuilt } from '../setup/bootstrap.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
if (existsSync(join(root, 'compiler', 'tsconfig.json'))) ensureCompilerBuilt(root);
await import(pathToFileURL(join(root, 'dist', 'compiler', 'cli', 'main.js')).href);
