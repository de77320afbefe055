// One @interrupt handler per CPU exception (vectors 0–31), each handing
// its vector, frame and error code to the exception report (report.ts).
// Vectors 8, 10–14, 17, 21, 29 and 30 push an error code and use the
// two-parameter form; the others get 0. Reserved vectors have handlers too:
// a stray `int n` or a future CPU's exception is reported, not a triple fault.
import { haltForever, smpStopping } from '../smp/stop';
import { exceptionReport } from './report';

/** @interrupt */
function ex0(frame: InterruptFrame): void {
  exceptionReport(0, frame, 0);
}

/** @interrupt */
function ex1(frame: InterruptFrame): void {
  exceptionReport(1, frame, 0);
}

/** @interrupt */
function ex2(frame: InterruptFrame): void {
  if (smpStopping()) haltForever(); // another CPU failed and stops this one (kernel/smp/stop.ts)
  exceptionReport(2, frame, 0);
}

/** @interrupt */
function ex3(frame: InterruptFrame): void {
  exceptionReport(3, frame, 0);
}

/** @interrupt */
function ex4(frame: InterruptFrame): void {
  exceptionReport(4, frame, 0);
}

/** @interrupt */
function ex5(frame: InterruptFrame): void {
  exceptionReport(5, frame, 0);
}

/** @interrupt */
function ex6(frame: InterruptFrame): void {
  exceptionReport(6, frame, 0);
}

/** @interrupt */
function ex7(frame: InterruptFrame): void {
  exceptionReport(7, frame, 0);
}

/** @interrupt */
function ex8(frame: InterruptFrame, error: u64): void {
  exceptionReport(8, frame, error);
}

/** @interrupt */
function ex9(frame: InterruptFrame): void {
  exceptionReport(9, frame, 0);
}

/** @interrupt */
function ex10(frame: InterruptFrame, error: u64): void {
  exceptionReport(10, frame, error);
}

/** @interrupt */
function ex11(frame: InterruptFrame, error: u64): void {
  exceptionReport(11, frame, error);
}

/** @interrupt */
function ex12(frame: InterruptFrame, error: u64): void {
  exceptionReport(12, frame, error);
}

/** @interrupt */
function ex13(frame: InterruptFrame, error: u64): void {
  exceptionReport(13, frame, error);
}

/** @interrupt */
function ex14(frame: InterruptFrame, error: u64): void {
  exceptionReport(14, frame, error);
}

/** @interrupt */
function ex15(frame: InterruptFrame): void {
  exceptionReport(15, frame, 0);
}

/** @interrupt */
function ex16(frame: InterruptFrame): void {
  exceptionReport(16, frame, 0);
}

/** @interrupt */
function ex17(frame: InterruptFrame, error: u64): void {
  exceptionReport(17, frame, error);
}

/** @interrupt */
function ex18(frame: InterruptFrame): void {
  exceptionReport(18, frame, 0);
}

/** @interrupt */
function ex19(frame: InterruptFrame): void {
  exceptionReport(19, frame, 0);
}

/** @interrupt */
function ex20(frame: InterruptFrame): void {
  exceptionReport(20, frame, 0);
}

/** @interrupt */
function ex21(frame: InterruptFrame, error: u64): void {
  exceptionReport(21, frame, error);
}

/** @interrupt */
function ex22(frame: InterruptFrame): void {
  exceptionReport(22, frame, 0);
}

/** @interrupt */
function ex23(frame: InterruptFrame): void {
  exceptionReport(23, frame, 0);
}

/** @interrupt */
function ex24(frame: InterruptFrame): void {
  exceptionReport(24, frame, 0);
}

/** @interrupt */
function ex25(frame: InterruptFrame): void {
  exceptionReport(25, frame, 0);
}

/** @interrupt */
function ex26(frame: InterruptFrame): void {
  exceptionReport(26, frame, 0);
}

/** @interrupt */
function ex27(frame: InterruptFrame): void {
  exceptionReport(27, frame, 0);
}

/** @interrupt */
function ex28(frame: InterruptFrame): void {
  exceptionReport(28, frame, 0);
}

/** @interrupt */
function ex29(frame: InterruptFrame, error: u64): void {
  exceptionReport(29, frame, error);
}

/** @interrupt */
function ex30(frame: InterruptFrame, error: u64): void {
  exceptionReport(30, frame, error);
}

/** @interrupt */
function ex31(frame: InterruptFrame): void {
  exceptionReport(31, frame, 0);
}

/** The entry stub of exception `vector` (0 … 31), for its IDT gate. */
export function exceptionEntry(vector: usize): u64 {
  switch (vector) {
    case 0:
      return changetype<u64>(ex0);
    case 1:
      return changetype<u64>(ex1);
    case 2:
      return changetype<u64>(ex2);
    case 3:
      return changetype<u64>(ex3);
    case 4:
      return changetype<u64>(ex4);
    case 5:
      return changetype<u64>(ex5);
    case 6:
      return changetype<u64>(ex6);
    case 7:
      return changetype<u64>(ex7);
    case 8:
      return changetype<u64>(ex8);
    case 9:
      return changetype<u64>(ex9);
    case 10:
      return changetype<u64>(ex10);
    case 11:
      return changetype<u64>(ex11);
    case 12:
      return changetype<u64>(ex12);
    case 13:
      return changetype<u64>(ex13);
    case 14:
      return changetype<u64>(ex14);
    case 15:
      return changetype<u64>(ex15);
    case 16:
      return changetype<u64>(ex16);
    case 17:
      return changetype<u64>(ex17);
    case 18:
      return changetype<u64>(ex18);
    case 19:
      return changetype<u64>(ex19);
    case 20:
      return changetype<u64>(ex20);
    case 21:
      return changetype<u64>(ex21);
    case 22:
      return changetype<u64>(ex22);
    case 23:
      return changetype<u64>(ex23);
    case 24:
      return changetype<u64>(ex24);
    case 25:
      return changetype<u64>(ex25);
    case 26:
      return changetype<u64>(ex26);
    case 27:
      return changetype<u64>(ex27);
    case 28:
      return changetype<u64>(ex28);
    case 29:
      return changetype<u64>(ex29);
    case 30:
      return changetype<u64>(ex30);
    case 31:
      return changetype<u64>(ex31);
    default:
      throw new Error('exceptionEntry: not an exception vector');
  }
}
