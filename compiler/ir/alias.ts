// Type-based alias analysis: whether a write can change what a load reads.
// Lowering tags each field, element and global access with its alias class
// (Instr.alias): a field is its declaring class and name (`Node.next`; a
// subclass's access to an inherited field has the base's tag), an element
// its class and size (`#w4`: an Int32Array's and an i32[]'s elements are
// the same class), a global its symbol (`$count`). TypeScript's types keep
// these apart: a store of `Packet.datum` cannot change `Task.priority` or an
// element of a `u8[]`. Memory reached through `Ptr`, `asm`, calls and
// untagged accesses may overlap anything. Using `changetype` to see the
// same memory as two different classes, in one function, is undefined
// (C's strict-aliasing rule); reading it through a `Ptr` is always safe.
import type { Instr } from './ir.js';

/** Whether `write` (a store, call or other memory effect) may change the memory `load` reads. */
export function mayAlias(write: Instr, load: Instr): boolean {
  if (write.volatile || load.volatile || !write.alias || !load.alias) return true;
  if (write.alias !== load.alias) return false;
  // Two globals are told apart by their symbols.
  const [wa, la] = [write.args[1], load.args[0]];
  return !(wa?.kind === 'sym' && la?.kind === 'sym' && wa.name !== la.name);
}
