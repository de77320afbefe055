// The extra entry file of a test build (buildKernelImage({ test: true })):
// it initialises before kernel/main.ts and turns the build into a test
// build (kernel/config.ts): panics exit QEMU, and the commands of
// commands.ts are accepted on the console.
import { enableTestBuild } from '../config';
import { testCommand } from './commands';

enableTestBuild(testCommand);
