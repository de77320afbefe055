// Expressions of the NASM subset tskc writes: a sum of numbers and symbols,
// each added or subtracted (`a.end - a`, `sym + 8`, `(x - y)`), with `$`
// for the current instruction's address. A value is a constant plus
// symbol terms; resolving it gives a constant, or one symbol plus an offset
// (a relocation), or fails (the caller then falls back to nasm).

/** Thrown for anything this assembler does not handle; the build then runs nasm instead. */
export class AsmUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AsmUnsupported';
  }
}

export interface Term { sym: string; sign: 1 | -1 }
export interface Expr { c: bigint; terms: Term[] }

export const constExpr = (c: bigint): Expr => ({ c, terms: [] });

const NUM = /^(?:0x[0-9a-f_]+|[0-9][0-9_]*)$/i;

/** Parses an expression; `local` turns a `.label` into its full name. */
export function parseExpr(text: string, local: (name: string) => string): Expr {
  const out: Expr = { c: 0n, terms: [] };
  let sign: 1 | -1 = 1;
  let expectTerm = true;
  const s = text.replace(/[()]/g, ' ').trim();
  if (s === '') throw new AsmUnsupported('an empty expression');
  for (const tok of s.split(/\s*([+-])\s*|\s+/)) {
    if (tok === undefined || tok === '') continue;
    if (tok === '+' || tok === '-') {
      if (tok === '-') sign = sign === 1 ? -1 : 1;
      expectTerm = true;
      continue;
    }
    if (!expectTerm) throw new AsmUnsupported(`expression '${text}'`);
    if (NUM.test(tok)) out.c += BigInt(sign) * BigInt(tok.replace(/_/g, ''));
    else if (/^[$.]?[A-Za-z_.?@$][\w.$?@#~]*$/.test(tok)) out.terms.push({ sym: symName(tok, local), sign });
    else throw new AsmUnsupported(`expression '${text}'`);
    sign = 1;
    expectTerm = false;
  }
  if (expectTerm) throw new AsmUnsupported(`expression '${text}'`);
  return out;
}

/** The symbol a name in the source refers to: `$x` is x, `.x` is local to the last plain label. */
export function symName(tok: string, local: (name: string) => string): string {
  if (tok.startsWith('$')) tok = tok.slice(1);
  return tok.startsWith('.') && !tok.startsWith('..') ? local(tok) : tok;
}
