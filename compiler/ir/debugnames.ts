// Names the lowering and the backend agree on for debug information, kept
// below both: the symbol of the debug table (the backend writes the table,
// x86/debugtable.ts; the debugTable() intrinsic lowers to its address) and
// the form of a source file's name in panics and in the table.
import { relative } from 'node:path';

/** The debug table the backend writes (x86/debugtable.ts); the debugTable() intrinsic is its address. */
export const DEBUG_TABLE_SYMBOL = '__tskc_debug_table';

/** A source file's name as panics and the debug table show it: relative to the working directory. */
export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}
