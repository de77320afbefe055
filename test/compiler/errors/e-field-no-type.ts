// error: TSK1005 @ 4
class C {
  // @ts-ignore
  count;
}
