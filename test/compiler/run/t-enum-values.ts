// Enum members: implicit, explicit, negative, expressions and references.
enum Flag {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
  Exec = 1 << 2,
  All = Read | Write | Exec,
}
enum Level {
  Low = -1,
  Mid,
  High,
  Max = High * 100,
  After,
}
console.log(Flag.None, Flag.Read, Flag.Write, Flag.Exec, Flag.All);
console.log(Level.Low, Level.Mid, Level.High, Level.Max, Level.After);
let perms: i32 = Flag.Read | Flag.Exec;
console.log((perms & Flag.Write) != 0, (perms & Flag.Exec) != 0, perms);
//= 0 1 2 4 7
//= -1 0 1 100 101
//= false true 5
