// The TypeScript constructs outside the tskc subset, each with the reason and
// what to write instead. docs/language.md §9 is this table in prose; every
// diagnostic TSK1001 comes from here so the two cannot drift apart.
import ts = require('typescript');

interface Unsupported {
  what: string;
  instead: string;
}

const K = ts.SyntaxKind;

const TABLE: Partial<Record<ts.SyntaxKind, Unsupported>> = {
  [K.ArrowFunction]: { what: 'arrow functions (closures)', instead: 'declare a top-level function and pass its arguments explicitly' },
  [K.FunctionExpression]: { what: 'function expressions (closures)', instead: 'declare a top-level function' },
  [K.ClassExpression]: { what: 'class expressions', instead: 'use top-level functions and globals' },
  [K.TryStatement]: { what: 'try/catch', instead: 'tskc has no exceptions or unwinding; return an error code, or throw new Error(msg) to panic' },
  [K.ObjectLiteralExpression]: { what: 'object literals', instead: 'declare a class and use new' },
  [K.TemplateExpression]: { what: 'template literals with substitutions outside console.log and Template parameters', instead: 'pass the template straight to console.log or to a function taking a Template (docs/language.md §6.2)' },
  [K.TaggedTemplateExpression]: { what: 'tagged templates', instead: 'call a function' },
  [K.ForInStatement]: { what: 'for…in', instead: 'use a counted for loop' },
  [K.ModuleDeclaration]: { what: 'namespaces', instead: 'use a module (a file) and import/export' },
  [K.DeleteExpression]: { what: 'delete', instead: 'tskc values have a fixed shape' },
  [K.TypeOfExpression]: { what: 'typeof', instead: 'types are known at compile time' },
  [K.VoidExpression]: { what: 'void expressions', instead: 'write the expression as a statement' },
  [K.AwaitExpression]: { what: 'await', instead: 'tskc has no async runtime' },
  [K.YieldExpression]: { what: 'yield', instead: 'write a loop' },
  [K.SpreadElement]: { what: 'spread arguments', instead: 'pass arguments one by one' },
  [K.ObjectBindingPattern]: { what: 'destructuring', instead: 'declare each variable separately' },
  [K.ArrayBindingPattern]: { what: 'destructuring', instead: 'declare each variable separately' },
  [K.RegularExpressionLiteral]: { what: 'regular expressions', instead: 'compare characters with charCodeAt' },
  [K.BigIntLiteral]: { what: 'bigint literals', instead: 'use an i64 or u64 integer literal' },
  [K.ThisKeyword]: { what: "'this' outside methods", instead: 'pass the value as a parameter' },
  [K.WithStatement]: { what: 'with', instead: 'name the object explicitly' },
  [K.DebuggerStatement]: { what: 'debugger', instead: 'use a breakpoint in gdb (docs/debugging.md)' },
};

/** What to call a construct and what to write instead, for diagnostic TSK1001. */
export function describeUnsupported(node: ts.Node): Unsupported {
  const known = TABLE[node.kind];
  if (known) return known;
  if (ts.isVariableDeclarationList(node) || ts.isVariableStatement(node)) {
    return { what: "'var' declarations", instead: "use 'let' or 'const'" };
  }
  const name = ts.SyntaxKind[node.kind].replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return { what: `${name}s`, instead: 'rewrite it with the constructs listed in docs/language.md' };
}

export function unsupportedMessage(node: ts.Node, detail?: string): string {
  const u = describeUnsupported(node);
  return `${u.what} ${detail ?? 'are not supported by tskc'}; ${u.instead}`;
}
