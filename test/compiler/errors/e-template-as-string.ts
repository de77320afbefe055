// error: TSK1041 @ 3
function len(s: string): i32 { return s.length; }
function f(t: Template): i32 { return len(t); }
