// A function's own name in parentheses is still a direct call; any other
// callee of a function type (a call's result, ?:) is an indirect call
// through a register (docs/language.md §5).

/** @noinline */
function add(a: i32, b: i32): i32 {
  return a + b;
}
/** @noinline */
function sub(a: i32, b: i32): i32 {
  return a - b;
}
/** @noinline */
function pick(k: i32): (a: i32, b: i32) => i32 {
  return k > 0 ? add : sub;
}

// asm: ^call \$add$
// asm-not: ^call [a-z]
function parenthesised(x: i32): i32 {
  return (add)(x, 1);
}

// asm: ^call \$pick$
// asm: ^call r[a-z0-9]+$
function callResult(k: i32): i32 {
  return pick(k)(k, 1);
}

// asm: ^call r[a-z0-9]+$
// asm-not: ^call \$(add|sub)$
function conditional(k: i32): i32 {
  return (k > 0 ? add : sub)(k, 1);
}

console.log(parenthesised(1), callResult(1), callResult(0), conditional(1), conditional(0));
