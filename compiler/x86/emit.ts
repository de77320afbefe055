// NASM text from allocated machine IR and IR data. One table (MNEMONIC)
// maps machine ops to their NASM spelling; operands print in Intel syntax
// with an explicit size on memory operands. Every output line is recorded
// with the source location it came from, for the source map; with debug on,
// `%line N+0 FILE` lines make `nasm -g -F dwarf` emit DWARF line info for
// the TypeScript source. Inline asm is written line by line from its
// template, with the allocated registers filled in.
import type { Data, DataItem, Section, SourceLoc } from '../ir/ir.js';
import { MEM_SIZE, NEG_COND, RSP, regName } from './minst.js';
import type { MFunc, MInst, MOp, Operand } from './minst.js';
import { asmLines } from './isel-asm.js';
import { DebugTableBuilder } from './debugtable.js';

/** Accumulates output lines and the source location of each. */
export class AsmWriter {
  readonly lines: string[] = [];
  readonly locs: (SourceLoc | null)[] = [];
  private lastLoc: SourceLoc | null = null;

  /** The debug table's function and line rows, collected as code is written. */
  readonly table = new DebugTableBuilder();

  constructor(private readonly debug: boolean) {}

  line(text: string, loc: SourceLoc | null = null): void {
    this.lines.push(text);
    this.locs.push(loc);
  }

  /** An instruction line; with debug, preceded by %line when the source line changes. */
  inst(text: string, loc: SourceLoc | null | undefined): void {
    if (this.debug && loc && (!this.lastLoc || this.lastLoc.line !== loc.line || this.lastLoc.file !== loc.file)) {
      this.line(`%line ${loc.line}+0 ${loc.file}`, loc);
    }
    if (loc) this.lastLoc = loc;
    const row = loc ? this.table.rowBefore(loc) : null;
    if (row) this.line(`${row}:`, loc);
    this.line('    ' + text, loc ?? null);
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

const SECTION_HEADER: Record<Section | 'text', string> = {
  text: 'section .text progbits alloc exec nowrite align=16',
  rodata: 'section .rodata progbits alloc noexec nowrite align=16',
  data: 'section .data progbits alloc noexec write align=16',
  bss: 'section .bss nobits alloc noexec write align=4096', // page-aligned objects: the boot stack's guard page (stubs.ts)
};
export const sectionHeader = (s: Section | 'text'): string => SECTION_HEADER[s];

/** The header of a `@section` NAME holding code, read-only or writable data (always progbits). */
export function namedSectionHeader(name: string, kind: 'text' | 'rodata' | 'data'): string {
  const flags = { text: 'exec nowrite', rodata: 'noexec nowrite', data: 'noexec write' }[kind];
  return `section ${name} progbits alloc ${flags} align=16`;
}

/**
 * A symbol as NASM must spell it. Every symbol gets NASM's `$` prefix, which
 * makes it an identifier whatever it is called: register names, directives
 * and built-in macros (`at`, `struc`, `lock`…) are all valid tskc names.
 */
export function asmSym(name: string): string {
  return `$${name}`;
}

function operand(o: Operand, sized: boolean): string {
  switch (o.k) {
    case 'reg':
      return regName(o.r, o.w);
    case 'imm':
      return o.v.toString();
    case 'sym':
      return asmSym(o.name);
    case 'mem': {
      if (o.slot !== undefined) throw new Error('internal: unresolved frame slot at emission');
      const index = o.index !== undefined ? `${regName(o.index, 8)}*${o.scale ?? 1}` : undefined;
      let addr = o.sym !== undefined ? `rel ${asmSym(o.sym)}` : o.base !== undefined ? regName(o.base, 8) : index!;
      if (o.base !== undefined && index) addr += ` + ${index}`;
      if (o.disp > 0) addr += ` + ${o.disp}`;
      if (o.disp < 0) addr += ` - ${-o.disp}`;
      return `${sized ? MEM_SIZE[o.w] + ' ' : ''}[${addr}]`;
    }
  }
}

/** NASM mnemonics for machine ops whose spelling differs from their name. */
const MNEMONIC: Partial<Record<MOp, string>> = {
  mov32z: 'mov', imul3: 'imul', zero: 'xor', mul1: 'mul', imul1: 'imul',
  rep_insb: 'rep insb', rep_insw: 'rep insw', rep_insd: 'rep insd',
  rep_outsb: 'rep outsb', rep_outsw: 'rep outsw', rep_outsd: 'rep outsd',
};
/** Ops whose memory operand is an address with no access size. */
const UNSIZED = new Set<MOp>(['lea', 'lgdt', 'lidt', 'invlpg']);

/** ss or sd, from an xmm operand's width (4: f32, 8: f64). */
const sx = (o: Operand): string => (o.k !== 'imm' && o.k !== 'sym' && o.w === 4 ? 'ss' : 'sd');
/** The SSE mnemonic of a float machine op (operand widths pick the scalar form). */
function sseMnemonic(mi: MInst): string | null {
  const [a, b] = mi.a;
  switch (mi.op) {
    case 'fmov': return a.k === 'reg' && b.k === 'reg' ? 'movaps' : `mov${sx(a.k === 'mem' ? a : b)}`;
    case 'fadd': return `add${sx(a)}`;
    case 'fsub': return `sub${sx(a)}`;
    case 'fmul': return `mul${sx(a)}`;
    case 'fdiv': return `div${sx(a)}`;
    case 'fsqrt': return `sqrt${sx(a)}`;
    case 'ucomi': return `ucomi${sx(a)}`;
    case 'cvtsi2f': return `cvtsi2${sx(a)}`;
    case 'cvttf2si': return `cvtt${sx(b)}2si`;
    case 'cvtf2f': return a.k === 'reg' && a.w === 8 ? 'cvtss2sd' : 'cvtsd2ss';
    case 'movgx': return a.k === 'reg' && a.w === 4 ? 'movd' : 'movq';
    case 'movxg': return b.k === 'reg' && b.w === 4 ? 'movd' : 'movq';
    default: return null;
  }
}

export function formatInst(mi: MInst, labelOf: (id: number) => string): string {
  const sse = sseMnemonic(mi);
  if (sse) return `${sse} ${mi.a.map((o) => operand(o, true)).join(', ')}`;
  switch (mi.op) {
    case 'fzero':
      return `xorps ${operand(mi.a[0], false)}, ${operand(mi.a[0], false)}`;
    case 'cmov':
      return `cmov${mi.cc} ${mi.a.map((o) => operand(o, true)).join(', ')}`;
    case 'jmp':
      return `jmp ${labelOf(mi.target!)}`;
    case 'jcc':
      return `j${mi.cc} ${labelOf(mi.target!)}`;
    case 'jmptab':
      return `jmp qword [${operand(mi.a[0], false)} + ${operand(mi.a[1], false)}*8]`;
    case 'setcc':
      return `set${mi.cc} ${operand(mi.a[0], true)}`;
    case 'zero':
      return `xor ${operand(mi.a[0], false)}, ${operand(mi.a[0], false)}`;
    case 'rdcr':
      return `mov ${operand(mi.a[0], false)}, cr${operand(mi.a[1], false)}`;
    case 'wrcr':
      return `mov cr${operand(mi.a[0], false)}, ${operand(mi.a[1], false)}`;
    case 'addrsp':
      return `add rsp, ${mi.n}`;
    case 'subrsp':
      return `sub rsp, ${mi.n}`;
    default: {
      const name = MNEMONIC[mi.op] ?? mi.op;
      // lea and the descriptor-table loads take an unsized address; other memory operands carry their size.
      const ops = mi.a.map((o) => operand(o, !UNSIZED.has(mi.op)));
      return ops.length ? `${name} ${ops.join(', ')}` : name;
    }
  }
}

/**
 * Removes blocks that only jump elsewhere (edge-split blocks whose copies all
 * coalesced away), sending their predecessors straight to the final target.
 */
export function threadJumps(f: MFunc): void {
  const forward = new Map<number, number>();
  for (const b of f.blocks.slice(1)) {
    if (b.insts.length === 1 && b.insts[0].op === 'jmp') forward.set(b.id, b.insts[0].target!);
  }
  const resolve = (id: number): number => {
    const seen = new Set<number>();
    while (forward.has(id) && !seen.has(id)) {
      seen.add(id);
      id = forward.get(id)!;
    }
    return id;
  };
  // A jump cycle made only of empty blocks is an infinite loop: keep those blocks.
  for (const id of [...forward.keys()]) if (forward.has(resolve(id))) forward.delete(id);
  for (const b of f.blocks) {
    for (const mi of b.insts) {
      if (mi.target !== undefined) mi.target = resolve(mi.target);
      if (mi.targets) mi.targets = mi.targets.map(resolve);
    }
  }
  f.blocks = f.blocks.filter((b) => !forward.has(b.id));
}

/**
 * Adds the rows of f's jump tables (see isel-term.ts) to its read-only
 * constants: `dq` the absolute address of each row's block, `name.bN` (the
 * NASM local label `.bN` under the function's label). Run after threadJumps,
 * which may change the targets. Absolute addresses suit every target: all
 * are linked statically at a fixed address.
 */
export function addJumpTables(f: MFunc): void {
  for (const b of f.blocks) {
    for (const mi of b.insts) {
      if (mi.op !== 'jmptab') continue;
      const rows = mi.targets!.map((id) => `${asmSym(f.name)}.b${id}`);
      const lines: string[] = [];
      for (let k = 0; k < rows.length; k += 8) lines.push(`dq ${rows.slice(k, k + 8).join(', ')}`);
      f.consts.set(mi.table!, { align: 8, line: lines.join('\n') });
    }
  }
}

/** Emits one allocated, framed function into the .text section. */
export function emitFunc(w: AsmWriter, f: MFunc): void {
  const name = asmSym(f.name);
  w.line('');
  w.line('align 16');
  w.line(`global ${name}:function (${name}.end - ${name})`);
  w.line(`${name}:`, f.loc ?? null);
  w.table.beginFunc(name, f.name);
  const labelOf = (id: number): string => `.b${id}`;
  f.blocks.forEach((b, n) => {
    const next = f.blocks[n + 1]?.id;
    if (n > 0) w.line(`${labelOf(b.id)}:`);
    const insts = b.insts;
    for (let k = 0; k < insts.length; k++) {
      const mi = insts[k];
      const last = k === insts.length - 1;
      if (mi.op === 'jmp' && last && mi.target === next) continue;
      // jcc T; jmp F with T next: branch on the opposite condition to F.
      const after = insts[k + 1];
      if (mi.op === 'jcc' && after?.op === 'jmp' && k + 1 === insts.length - 1 && mi.target === next) {
        w.inst(`j${NEG_COND[mi.cc!]} ${labelOf(after.target!)}`, mi.loc);
        k++;
        continue;
      }
      if (mi.op === 'asm') {
        for (const l of asmLines(mi)) w.inst(l, mi.loc);
        continue;
      }
      if ((mi.op === 'mov' || mi.op === 'fmov') && mi.a[0].k === 'reg' && mi.a[1].k === 'reg' && mi.a[0].r === mi.a[1].r && mi.a[0].r !== RSP) continue;
      w.inst(formatInst(mi, labelOf), mi.loc);
    }
  });
  w.line('.end:');
}

function dataSize(d: Data): number {
  return d.items.reduce((n, it) => n + (it.kind === 'int' ? it.size : it.kind === 'bytes' ? it.bytes.length : it.kind === 'addr' ? 8 : it.size), 0);
}

function itemLines(it: DataItem): string[] {
  switch (it.kind) {
    case 'int': {
      const dir = { 1: 'db', 2: 'dw', 4: 'dd', 8: 'dq' }[it.size];
      return [`${dir} ${BigInt.asIntN(it.size * 8, it.value)}`];
    }
    case 'bytes': {
      const out: string[] = [];
      for (let i = 0; i < it.bytes.length; i += 16) out.push(`db ${Array.from(it.bytes.subarray(i, i + 16)).join(', ')}`);
      return out;
    }
    case 'addr':
      return [`dq ${asmSym(it.sym)}`];
    case 'zero':
      return it.size > 0 ? [`times ${it.size} db 0`] : [];
  }
}

/** Emits the read-only constants the functions' code refers to (labels local to this object; `line` may hold several lines). */
export function emitConsts(w: AsmWriter, consts: Map<string, { align: number; line: string }>): void {
  for (const [label, c] of [...consts].sort((x, y) => y[1].align - x[1].align || (x[0] < y[0] ? -1 : 1))) {
    w.line(`align ${c.align}, db 0`);
    w.line(`${label}:`);
    for (const l of c.line.split('\n')) w.line(`    ${l}`);
  }
}

/** Emits the data objects of one section (the caller writes the section header). */
export function emitData(w: AsmWriter, items: Data[]): void {
  for (const d of items) {
    const name = asmSym(d.name);
    const size = dataSize(d);
    w.line('');
    // A bss object in a named section is stored as zeros (the section is progbits).
    const reserve = d.section === 'bss' && !d.sectionName;
    w.line(reserve ? `alignb ${d.align}` : `align ${d.align}, db 0`);
    w.line(`global ${name}:data ${size}`);
    w.line(`${name}:`);
    if (d.section === 'bss') {
      if (d.items.some((it) => (it.kind === 'int' && it.value !== 0n) || it.kind === 'addr' || (it.kind === 'bytes' && it.bytes.some((b) => b !== 0)))) {
        throw new Error(`data $${d.name}: a bss object must be all zero`);
      }
      if (size > 0) w.line(`    ${reserve ? 'resb' : 'times'} ${size}${reserve ? '' : ' db 0'}`);
    } else {
      for (const it of d.items) for (const l of itemLines(it)) w.line('    ' + l);
    }
  }
}
