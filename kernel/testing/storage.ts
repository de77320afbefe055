// The test build's commands for the IRQ table, PCI and the block layer
// (commands.ts hands them every line it does not know). Each answers with
// lines the storage tests wait for:
//
//   irqs      one line per IRQ line in use: "irq N owners NAME… handled H unhandled U",
//             then "irqs end"
//   irq13     a software `int 0x2d` (IRQ 13, a line no device owns): reported
//             and masked; answer "unhandled irqs N"
import { consoleWrite, consoleWriteUint } from '../console/console';
import { IRQ_LINES, IRQ_MAX_OWNERS, irqHandledCount, irqOwnerCount, irqOwnerName, unhandledIrqs, irqUnhandledCount } from '../interrupts/irq';

/** Whether `line` (`length` bytes) starts with the word `word` followed by the end or a space. */
export function startsWord(line: Uint8Array, length: i32, word: string): bool {
  if (length < word.length) return false;
  for (let i: i32 = 0; i < word.length; i++) if (i32(line[i]) != word.charCodeAt(i)) return false;
  return length == word.length || line[word.length] == 32;
}

function irqTable(): void {
  for (let irq: u32 = 0; irq < IRQ_LINES; irq++) {
    if (irqOwnerCount(irq) == 0 && irqUnhandledCount(irq) == 0) continue;
    consoleWrite('irq ');
    consoleWriteUint(u64(irq));
    consoleWrite(' owners');
    for (let k: u32 = 0; k < IRQ_MAX_OWNERS; k++) {
      const name = irqOwnerName(irq, k);
      if (name === null) continue;
      consoleWrite(' ');
      consoleWrite(name);
    }
    consoleWrite(' handled ');
    consoleWriteUint(irqHandledCount(irq));
    consoleWrite(' unhandled ');
    consoleWriteUint(irqUnhandledCount(irq));
    consoleWrite('\n');
  }
  consoleWrite('irqs end\n');
}

/** Runs a storage command; false if `line` is none. */
export function storageCommand(line: Uint8Array, length: i32): bool {
  if (startsWord(line, length, 'irqs')) irqTable();
  else if (startsWord(line, length, 'irq13')) {
    asm('int 0x2d');
    consoleWrite('unhandled irqs ');
    consoleWriteUint(unhandledIrqs());
    consoleWrite('\n');
  } else return false;
  return true;
}
