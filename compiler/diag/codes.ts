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
  TSK1014: { section: '5', summary: 'a generic method that would have to be virtual' },
  TSK1015: { section: '6.5', summary: 'instanceof with a class that has no vtable' },
  TSK1016: { section: '5', summary: 'an optional parameter without a default value, or a rest parameter' },
  TSK1020: { section: '11.1', summary: 'an asm template that is not a string literal, or an operand not written in place' },
  TSK1021: { section: '11.2', summary: 'an asm placeholder that names no operand, or a bad modifier or brace' },
  TSK1022: { section: '11.2', summary: 'an asm class operand the template never uses' },
  TSK1023: { section: '11.3', summary: 'an unknown asm register, register class or ABI' },
  TSK1024: { section: '11.3', summary: 'a register used twice in one asm' },
  TSK1025: { section: '11.3', summary: 'an asm output bound to something that is not a place' },
  TSK1026: { section: '11.3', summary: 'an SSE (xmm) asm operand on the kernel target' },
  TSK1027: { section: '11.4', summary: 'asm options, results or register needs that do not fit together' },
  TSK1028: { section: '11.4', summary: 'code after a noreturn asm' },
  TSK1029: { section: '11.5', summary: 'a @naked function whose body is not inline asm only' },
  TSK1030: { section: '12.1', summary: 'a misplaced or malformed attribute (JSDoc tag), or a symbol name used twice' },
  TSK1031: { section: '12.2', summary: 'an @interrupt handler with a wrong signature or on a target without interrupts' },
  TSK1032: { section: '12.2', summary: 'a direct call of an @interrupt handler' },
  TSK1033: { section: '12.3', summary: 'a @packed class that cannot have an exact layout' },
  TSK1040: { section: '6.7', summary: 'a pointer used in a way Ptr<T> does not allow' },
  TSK1041: { section: '6.2', summary: 'a Template used where it is not allowed, or a value that cannot be one' },
  TSK1042: { section: '3.2.1', summary: 'a Math function tskc cannot compute as JavaScript does' },
  TSK1044: { section: '9', summary: 'syntax nested too deeply to compile' },
  TSK1050: { section: '9', summary: 'a JavaScript global or built-in method outside the subset (the library type to use instead)' },
  TSK1100: { section: '', summary: 'an input file or option problem' },
} as const satisfies Record<string, CodeInfo>;

export type DiagCode = keyof typeof DIAG_CODES;
