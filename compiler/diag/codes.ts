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
  TSK1030: { section: '12.1', summary: 'a misplaced or malformed attribute (JSDoc tag), or a symbol name used twice' },
  TSK1031: { section: '12.2', summary: 'an @interrupt handler with a wrong signature or on a target without interrupts' },
  TSK1032: { section: '12.2', summary: 'a direct call of an @interrupt handler' },
  TSK1033: { section: '12.3', summary: 'a @packed class that cannot have an exact layout' },
  TSK1100: { section: '', summary: 'an input file or option problem' },
} as const satisfies Record<string, CodeInfo>;

export type DiagCode = keyof typeof DIAG_CODES;
