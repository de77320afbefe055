// Every tskc diagnostic code, with the docs/language.md section it enforces.
// docs/language.md lists the same codes; test/compiler/errors covers them.

export interface CodeInfo {
  section: string; // section of docs/language.md, '' when not a language rule
  summary: string;
}

export const DIAG_CODES = {
  TSK1001: { section: '9', summary: 'a TypeScript construct outside the tskc subset' },
  TSK1002: { section: '2', summary: 'a type with no machine representation' },
  TSK1003: { section: '3.2', summary: 'operands of different integer types' },
  TSK1004: { section: '3.1', summary: 'an integer literal that does not fit its type' },
  TSK1005: { section: '5', summary: 'a declaration that needs a type annotation' },
  TSK1006: { section: '7', summary: 'an intrinsic not available on this target' },
  TSK1007: { section: '5', summary: 'a call target that is not a known function' },
  TSK1008: { section: '3.3', summary: 'a value used where another type is required' },
  TSK1009: { section: '4', summary: 'an assignment target that cannot be assigned' },
  TSK1010: { section: '7', summary: 'an intrinsic argument that must be a constant' },
  TSK1011: { section: '2', summary: 'floating point on a target without it (the kernel)' },
  TSK1012: { section: '2', summary: 'null used with a type that cannot be null' },
  TSK1013: { section: '2', summary: 'an optional chain whose undefined result cannot be represented' },
  TSK1014: { section: '6.5', summary: 'a generic method that would have to be virtual' },
  TSK1015: { section: '6.5', summary: 'instanceof with a class that has no vtable' },
  TSK1016: { section: '5', summary: 'an optional parameter without a default value, or a rest parameter' },
  TSK1100: { section: '', summary: 'an input file or option problem' },
} as const satisfies Record<string, CodeInfo>;

export type DiagCode = keyof typeof DIAG_CODES;
