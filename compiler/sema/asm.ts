// Inline assembly in the semantic pass (docs/language.md §11): checks an
// `asm(template, …operands)` call — a constant template, operands written
// inline as asm.in/out/lateout/inout/clobber/clobberAbi/options calls,
// known registers used once, outputs bound to places, every placeholder
// naming an operand and every class operand named — and records what
// lowering needs: the template normalised to `{N:m}` placeholders, the
// operands with their expressions and types, clobbers and options.
import ts = require('typescript');
import { ASM_OPTIONS, MODIFIER_WIDTH, canonicalName, isClass, isInput, isOutput, registerNumber, splitTemplate } from '../ir/asm.js';
import type { AsmDir, AsmOption, AsmSpec } from '../ir/asm.js';
import type { ExprTyper } from './expr.js';
import type { Sema } from './context.js';
import { I32, NEVER, VOID, isFloat, isInt, typeName } from './types.js';
import type { MType } from './types.js';

/** One operand of an asm call, as lowering needs it. */
export interface AsmOperandInfo {
  dir: AsmDir;
  reg: string;
  type: MType;
  /** The input value (in; inout written with a separate output place). */
  value?: ts.Expression;
  /** The output place (out, lateout, inout); none for the call's result. */
  place?: ts.Expression;
}

export interface AsmCall {
  spec: AsmSpec;
  operands: AsmOperandInfo[];
}

/** Caller-saved registers of the SysV ABI: what clobberAbi('sysv') clobbers (xmm only where floats exist). */
const SYSV_GPR = ['rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11'];
const SYSV_XMM = Array.from({ length: 16 }, (_, n) => `xmm${n}`);
/** Registers the register allocator can give a `reg` / `xmm` operand (r10/r11, xmm14/15 are its scratch). */
const FREE_GPR = ['rax', 'rcx', 'rdx', 'rbx', 'rsi', 'rdi', 'r8', 'r9', 'r12', 'r13', 'r14', 'r15'];
const FREE_XMM = 14;

const OPERAND_KINDS = ['asm.in', 'asm.out', 'asm.lateout', 'asm.inout', 'asm.clobber', 'asm.clobberAbi', 'asm.options'];

/** The asm.* operand maker a call expression is, or undefined. */
function operandKind(sema: Sema, e: ts.Expression): string | undefined {
  if (!ts.isCallExpression(e)) return undefined;
  const decl = sema.checker.getResolvedSignature(e)?.getDeclaration();
  const name = decl && ts.isMethodSignature(decl) ? sema.intrinsicName(decl) : undefined;
  return name && OPERAND_KINDS.includes(name) ? name : undefined;
}

/** Whether a node is a string literal (or a template without substitutions). */
const isLiteral = (e: ts.Node): e is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e);

/** Types `asm(…)` and records it; returns the call's type. */
export function typeAsm(ty: ExprTyper, e: ts.CallExpression, expected?: MType): MType {
  return new AsmChecker(ty, e).check(expected);
}

class AsmChecker {
  private readonly sema: Sema;
  private readonly operands: AsmOperandInfo[] = [];
  /** The node each operand was written at, and its placeholder name. */
  private readonly nodes: ts.Node[] = [];
  private readonly names: (string | undefined)[] = [];
  private readonly clobbers: string[] = [];
  private readonly clobberNodes = new Map<string, ts.Node>();
  private readonly options = new Set<AsmOption>();
  /** Operands whose register was reported (not reported again as unused). */
  private readonly badRegister = new Set<number>();
  private ok = true;

  constructor(private readonly ty: ExprTyper, private readonly e: ts.CallExpression) {
    this.sema = ty.sema;
  }

  private error(code: Parameters<Sema['diags']['error']>[0], node: ts.Node, msg: string): void {
    this.sema.diags.error(code, node, msg);
    this.ok = false;
  }

  check(expected?: MType): MType {
    const lines: string[] = [];
    let k = 0;
    for (; k < this.e.arguments.length && !operandKind(this.sema, this.e.arguments[k]); k++) {
      const a = this.e.arguments[k];
      if (isLiteral(a)) lines.push(a.text);
      else this.error('TSK1020', a, `an asm template must be a string literal, so that it is known when compiling; write the instructions in the literal and pass values as operands (asm.in('reg', x))`);
    }
    if (lines.length === 0 && this.ok) this.error('TSK1020', this.e, `asm needs its template, a string literal, as its first argument`);
    for (const a of this.e.arguments.slice(k)) {
      const kind = operandKind(this.sema, a);
      if (!kind) this.error('TSK1020', a, `asm template lines come first and operands after them; each operand is an asm.in/out/lateout/inout/clobber/clobberAbi/options call written in place`);
      else this.operand(kind, a as ts.CallExpression, expected);
    }
    this.checkRegisters();
    const template = this.template(lines.join('\n'));
    this.checkOptions();
    const result = this.operands.find((o) => isOutput(o.dir) && !o.place);
    const written = this.e.typeArguments?.[0] ? this.sema.typeFromNode(this.e.typeArguments[0]) : undefined;
    if (written && !result && written.kind !== 'void' && written.kind !== 'never') {
      this.error('TSK1027', this.e, `asm<${typeName(written)}> returns the output written without a place; add one, e.g. asm.out('reg'), or drop the type argument`);
      return written;
    }
    if (this.ok) {
      const spec: AsmSpec = { template, operands: this.operands.map((o) => ({ dir: o.dir, reg: o.reg })), clobbers: this.clobbers, options: [...this.options] };
      this.sema.asmCalls.set(this.e, { spec, operands: this.operands });
    }
    if (this.options.has('noreturn')) return NEVER;
    return result?.type ?? VOID;
  }

  /** One asm.* operand call. */
  private operand(kind: string, call: ts.CallExpression, expected?: MType): void {
    const args = call.arguments;
    if (kind === 'asm.options') {
      for (const a of args) {
        const o = isLiteral(a) ? a.text : '';
        if ((ASM_OPTIONS as string[]).includes(o)) this.options.add(o as AsmOption);
        else this.error('TSK1027', a, `asm options are string literals: ${ASM_OPTIONS.join(', ')}`);
      }
      return;
    }
    if (kind === 'asm.clobber' || kind === 'asm.clobberAbi') {
      for (const a of args) {
        if (kind === 'asm.clobberAbi') {
          if (isLiteral(a) && a.text === 'sysv') {
            for (const r of [...SYSV_GPR, ...(this.sema.target.floats ? SYSV_XMM : [])]) this.addClobber(r, a, true);
          } else this.error('TSK1023', a, `the only ABI tskc knows is 'sysv' (the System V AMD64 calling convention)`);
          continue;
        }
        const r = this.register(a, false);
        if (r) this.addClobber(r, a, false);
      }
      return;
    }
    const reg = this.register(args[0], true);
    const dir = kind.slice(4) as AsmDir;
    const info: AsmOperandInfo = { dir, reg: reg ?? 'reg', type: I32 };
    if (!reg) this.badRegister.add(this.operands.length);
    let name: string | undefined;
    if (dir === 'in') {
      info.value = args[1];
      info.type = this.ty.type(args[1]);
      name = nameOf(args[1]);
    } else if (dir === 'inout' && args.length > 2) {
      info.value = args[1];
      info.place = args[2];
      info.type = this.place(args[2]);
      this.ty.expect(args[1], info.type, 'the input of asm.inout');
      name = nameOf(args[2]);
    } else if (args[1]) {
      info.place = args[1];
      info.type = this.place(args[1]);
      name = nameOf(args[1]);
    } else if (dir === 'inout') {
      this.error('TSK1025', call, `asm.inout needs a place to read and write back (a variable or field)`);
    } else {
      // The call's result: its type is asm<T>'s or the expected one.
      const node = this.e.typeArguments?.[0];
      const t = node ? this.sema.typeFromNode(node) : expected && expected.kind !== 'void' ? expected : undefined;
      if (!t) this.error('TSK1005', this.e, `an asm with a result needs its type, e.g. asm<u64>(…)`);
      if (this.operands.some((o) => isOutput(o.dir) && !o.place)) this.error('TSK1027', call, `only one asm output can be the result; give the others a place`);
      info.type = t ?? I32;
      name = 'result';
    }
    this.checkValueType(info, args[0] ?? call);
    this.operands.push(info);
    this.nodes.push(call);
    this.names.push(name);
  }

  /** A register or class operand: the canonical name, or undefined after a diagnostic. */
  private register(a: ts.Expression | undefined, classOk: boolean): string | undefined {
    if (!a || !isLiteral(a)) {
      this.error('TSK1023', a ?? this.e, `an asm register is a string literal: a class ('reg', 'xmm') or a register ('rax', 'ecx', 'xmm3', …)`);
      return undefined;
    }
    const name = a.text;
    if (isClass(name)) {
      if (!classOk) this.error('TSK1023', a, `clobbers name registers, not the class '${name}'`);
      return this.xmmAllowed(name, a) ? name : undefined;
    }
    const n = registerNumber(name);
    if (n === undefined) {
      this.error('TSK1023', a, `unknown register '${name}': write a class ('reg', 'xmm') or an x86-64 register (rax…r15 at any width, xmm0…xmm15)`);
      return undefined;
    }
    if (n === 4 || n === 5) {
      this.error('TSK1023', a, `'${name}' cannot be an asm operand or clobber: the stack and frame pointers belong to the function (asm may push and pop if it restores rsp)`);
      return undefined;
    }
    return this.xmmAllowed(name, a) ? canonicalName(n) : undefined;
  }

  private xmmAllowed(name: string, a: ts.Node): boolean {
    if (!name.startsWith('xmm') || this.sema.target.floats) return true;
    this.error('TSK1026', a, `'${name}' is an SSE register, which the ${this.sema.target.name} target never touches; use general registers`);
    return false;
  }

  private addClobber(r: string, node: ts.Node, abi: boolean): void {
    if (this.clobbers.includes(r)) return;
    if (!abi && r.startsWith('xmm') && !this.sema.target.floats) return;
    this.clobbers.push(r);
    if (!abi) this.clobberNodes.set(r, node);
  }

  /** The value's type must suit the register: integers, bool and references in general registers, floats in xmm. */
  private checkValueType(o: AsmOperandInfo, at: ts.Node): void {
    const xmm = o.reg.startsWith('xmm');
    if (xmm && !isFloat(o.type)) this.error('TSK1008', at, `an xmm operand holds a float (f64, f32), not ${typeName(o.type)}`);
    if (!xmm && (isFloat(o.type) || o.type.kind === 'void' || o.type.kind === 'never')) {
      this.error('TSK1008', at, `a general-register operand holds an integer, bool or reference, not ${typeName(o.type)}; floats go in 'xmm'`);
    }
  }

  /** Checks that an output is written to a place; returns its type. */
  private place(p: ts.Expression): MType {
    let inner = p;
    while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
    const t = this.ty.type(inner);
    const s = this.sema;
    const sym = s.symbolOf(ts.isPropertyAccessExpression(inner) ? inner.name : inner);
    const decl = sym?.valueDeclaration;
    const isConst = decl && ts.isVariableDeclaration(decl) && decl.parent.flags & ts.NodeFlags.Const;
    const readonly = decl && (ts.isPropertyDeclaration(decl) || ts.isParameter(decl)) && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly;
    let ok = false;
    if (ts.isIdentifier(inner)) ok = !!sym && (s.locals.has(sym) || s.globals.has(sym));
    else if (ts.isElementAccessExpression(inner)) ok = true;
    else if (ts.isPropertyAccessExpression(inner)) ok = s.fieldAccess.has(inner) || (!!sym && s.globals.has(sym));
    if (!ok || isConst || readonly) {
      const why = isConst ? `'${inner.getText()}' is a const` : readonly ? `'${inner.getText()}' is readonly` : `'${inner.getText()}' is not a variable, field or element`;
      this.error('TSK1025', p, `an asm output is written to a place after the template runs; ${why}. Use a 'let' variable, or write the output without a place to make it asm's result`);
    }
    return t;
  }

  /** Each explicit register once per direction; clobbers not also outputs. */
  private checkRegisters(): void {
    const seen = new Map<string, { dir: AsmDir; k: number }[]>();
    this.operands.forEach((o, k) => {
      if (isClass(o.reg)) return;
      const prev = seen.get(o.reg) ?? [];
      const clash = prev.find((p) =>
        (isInput(p.dir) && isInput(o.dir)) || (isOutput(p.dir) && isOutput(o.dir)) ||
        (p.dir === 'out' && isInput(o.dir)) || (o.dir === 'out' && isInput(p.dir)));
      if (clash) {
        this.error('TSK1024', this.nodes[k], `register '${o.reg}' is already an operand of this asm (${clash.dir}); an input and a lateout may share a register, nothing else may`);
      }
      prev.push({ dir: o.dir, k });
      seen.set(o.reg, prev);
    });
    for (const [r, node] of this.clobberNodes) {
      if (this.operands.some((o) => o.reg === r && isOutput(o.dir))) {
        this.error('TSK1024', node, `register '${r}' is an output of this asm and cannot also be a clobber (a clobbered input is fine)`);
      }
    }
    // Abi clobbers that are outputs are simply outputs.
    const outs = new Set(this.operands.filter((o) => isOutput(o.dir)).map((o) => o.reg));
    this.clobbers.splice(0, this.clobbers.length, ...this.clobbers.filter((r) => !outs.has(r)));
    // Enough free registers for the class operands.
    const fixed = new Set([...this.operands.map((o) => o.reg), ...this.clobbers]);
    const need = (cls: string): number => this.operands.filter((o) => o.reg === cls).length;
    const freeGpr = FREE_GPR.filter((r) => !fixed.has(r)).length;
    const freeXmm = FREE_XMM - [...fixed].filter((r) => /^xmm\d/.test(r) && Number(r.slice(3)) < FREE_XMM).length;
    if (need('reg') > freeGpr || need('xmm') > freeXmm) {
      this.error('TSK1027', this.e, `this asm needs ${need('reg')} 'reg' and ${need('xmm')} 'xmm' operands, but its explicit registers and clobbers leave only ${freeGpr} and ${freeXmm} free; use fewer operands or clobbers`);
    }
  }

  /** Resolves placeholders to operand indices and widths; reports unknown and unused ones. */
  private template(t: string): string {
    const pieces = splitTemplate(t);
    if (typeof pieces === 'string') {
      this.error('TSK1021', this.e.arguments[0] ?? this.e, `bad asm template: ${pieces}`);
      return t;
    }
    const used = new Set<number>();
    const out = pieces.map((p) => {
      if ('text' in p) return p.text.replace(/[{}]/g, (c) => c + c);
      const k = this.lookup(p.operand);
      if (k === undefined) return '';
      used.add(k);
      const o = this.operands[k];
      if (o.reg.startsWith('xmm')) {
        if (p.modifier !== undefined) this.error('TSK1021', this.e.arguments[0], `'{${p.operand}:${p.modifier}}': xmm operands take no width modifier`);
        return `{${k}}`;
      }
      if (p.modifier !== undefined && !(p.modifier in MODIFIER_WIDTH)) {
        this.error('TSK1021', this.e.arguments[0], `unknown width modifier '${p.modifier}' in '{${p.operand}:${p.modifier}}': use l (8-bit), x (16), e (32) or r (64)`);
        return '';
      }
      return `{${k}:${p.modifier ?? widthModifier(o.type)}}`;
    });
    this.operands.forEach((o, k) => {
      if (isClass(o.reg) && !used.has(k) && !this.badRegister.has(k)) {
        this.error('TSK1022', this.nodes[k], `this '${o.reg}' operand is never used in the template, so the instructions cannot reach its register; name it ({${this.names[k] ?? k}}) or remove it`);
      }
    });
    return out.join('');
  }

  /** The operand a placeholder names: `{N}` by position, `{name}` by its variable's name. */
  private lookup(name: string): number | undefined {
    const at = this.e.arguments[0];
    if (/^\d+$/.test(name)) {
      const k = Number(name);
      if (k < this.operands.length) return k;
      this.error('TSK1021', at, `'{${name}}' names operand ${k}, but this asm has ${this.operands.length} register operand${this.operands.length === 1 ? '' : 's'}`);
      return undefined;
    }
    const hits = this.names.flatMap((n, k) => (n === name ? [k] : []));
    if (hits.length === 1) return hits[0];
    const known = this.names.filter((n) => n !== undefined).map((n) => `{${n}}`);
    const msg = hits.length > 1
      ? `'{${name}}' is ambiguous: ${hits.length} operands are named '${name}'; write {N} with the operand's position`
      : `'{${name}}' names no operand of this asm; ${known.length ? `the named ones are ${known.join(', ')}` : 'it has no named operands'} (or write {N} for the N-th operand)`;
    this.error('TSK1021', at, msg);
    return undefined;
  }

  private checkOptions(): void {
    const o = this.options;
    const outputs = this.operands.filter((x) => isOutput(x.dir)).length;
    const bad = (msg: string): void => this.error('TSK1027', this.e, msg);
    if (o.has('nomem') && o.has('readonly')) bad(`the asm options 'nomem' and 'readonly' exclude each other`);
    if (o.has('pure') && !o.has('nomem') && !o.has('readonly')) bad(`a 'pure' asm must also say 'nomem' or 'readonly': its result may depend on memory only if it reads it`);
    if (o.has('pure') && outputs === 0) bad(`a 'pure' asm without outputs would do nothing; remove 'pure' or add an output`);
    if (o.has('noreturn') && outputs > 0) bad(`a 'noreturn' asm never finishes, so it cannot have outputs`);
    if (o.has('noreturn') && o.has('pure')) bad(`a 'noreturn' asm cannot be 'pure'`);
  }
}

/** The placeholder name of an operand's expression: a variable's or field's name. */
function nameOf(e: ts.Expression | undefined): string | undefined {
  while (e && ts.isParenthesizedExpression(e)) e = e.expression;
  if (!e) return undefined;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The width modifier of a value's type: l, x, e (up to 32 bits) or r. */
function widthModifier(t: MType): string {
  if (isInt(t)) return t.bits === 8 ? 'l' : t.bits === 16 ? 'x' : t.bits === 32 ? 'e' : 'r';
  if (t.kind === 'bool') return 'l';
  return 'r';
}
