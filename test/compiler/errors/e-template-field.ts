// error: TSK1041 @ 3
class Log {
  last: Template = 'x';
}
