// The rule for entries compiled separately over one TypeScript program
// (compileEach, `tskc build --each`): they are type-checked together, as
// `tsc -p` checks a project, so an entry that is a script (a file with no
// import or export) would put its top-level declarations in the global
// scope of the others, which a build of that entry alone never sees.
import ts = require('typescript');
import type { DiagnosticBag } from '../diag/diagnostic.js';
import type { Frontend } from './program.js';

/** Reports each top-level declaration of a script entry when there are several entries. */
export function checkSeparateEntries(fe: Frontend, diags: DiagnosticBag): void {
  if (fe.entries.length < 2) return;
  for (const entry of fe.entries) {
    const sf = fe.program.getSourceFile(entry);
    if (!sf || ts.isExternalModule(sf)) continue;
    for (const st of sf.statements) {
      const name = declaredName(st);
      if (name === undefined) continue;
      diags.error('TSK1100', st,
        `'${name}' is global: this entry has no import or export, so with several entries ` +
        `built separately (--each) its declarations would be visible to the others; ` +
        `add 'export {};' to make it a module, or build it on its own`);
    }
  }
}

function declaredName(st: ts.Statement): string | undefined {
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st) ||
    ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isModuleDeclaration(st)) return st.name?.getText() ?? 'default';
  return undefined;
}
