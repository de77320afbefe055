// Signals, as Linux has them: numbers 1 … 64, a pending and a blocked set per
// process, and per signal a disposition (default, ignore, or a user handler
// with its flags, restorer and mask; kernel/syscall/signals.ts sets them).
// signalSend marks a signal pending and interrupts an interruptible sleep;
// it is delivered when the process next returns to ring 3 (the system-call
// exit, syscallExitWork, and the end of an interrupt or exception from
// ring 3): the default action ends the process (status 512 + signal) or
// does nothing (SIGCHLD, SIGCONT, SIGURG, SIGWINCH, and the stop signals:
// there is no stopped state); a handler gets a Linux rt_sigframe on the
// user stack (the restorer's address, a ucontext with the interrupted
// registers and mask, a siginfo, the FPU state) and runs with rdi = signal,
// rsi = &siginfo, rdx = &ucontext; its return through the restorer calls
// rt_sigreturn, which puts everything back (signalReturn).
// docs/processes.md, "Signals".
import { copyFromUser, copyToUser } from '../mm/usercopy';
import { USER_END, USER_START } from '../mm/aspace';
import { NSIG, SA_NODEFER, SIGBUS, SIGFPE, SIGILL, SIGSEGV, SIGTRAP, SA_RESETHAND, SIG_DFL, SIG_IGN, SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH } from '../syscall/numbers';
import { Process, State } from './process';
import { currentProcess, exitCurrent, noteSyscallWork, takeSyscallWork, wakeProcess } from './sched';
import { sleepCancel } from './sleep';
import { fpuRestore, fpuSave } from './switch';
import { TrapFrame, USER_CS, USER_RFLAGS, USER_SS } from './trapframe';
import { unqueue } from './waitqueue';

/** A process's status when signal `sig` ended it (wait4 reports `sig`). */
export const SIGNAL_STATUS_BASE: i64 = 512;
/** The signals no process can catch, block or ignore. */
export const UNBLOCKABLE: u64 = (u64(1) << u64(SIGKILL - 1)) | (u64(1) << u64(SIGSTOP - 1));
/** The signals whose default action is to do nothing. */
const DEFAULT_IGNORED: u64 = bit(SIGCHLD) | bit(SIGCONT) | bit(SIGURG) | bit(SIGWINCH) | bit(SIGSTOP) | bit(SIGTSTP) | bit(SIGTTIN) | bit(SIGTTOU);
/** The RFLAGS bits a handler's return may set: CF PF AF ZF SF TF DF OF, and AC. */
const USER_FLAG_BITS: u64 = 0x40dd5;

/** The words of a signal frame, built here and copied out in one piece: see the layout in deliver(). */
const FRAME_WORDS: i32 = 119;
const FRAME_BYTES: u64 = 952;
const frame = new Uint64Array(119);
/** Word offsets: the ucontext's mcontext (Linux's struct sigcontext), its mask, the siginfo, the FPU state. */
const MC: i32 = 6;
const UC_MASK: i32 = 38;
const INFO: i32 = 39;
const FPU: i32 = 55;
/** Byte offsets of the siginfo and the FPU state in the frame. */
const INFO_AT: u64 = 312;
const FPU_AT: u64 = 440;

function bit(sig: i64): u64 {
  return u64(1) << u64(sig - 1);
}

/** Where the action of signal `sig` (1 … 64) starts in a process's sigActions: handler, flags, restorer, mask. */
export function actionOf(sig: i64): i32 {
  return i32(sig - 1) * 4;
}

/** The handler of signal `sig` of `p`: SIG_DFL, SIG_IGN or an address. */
export function handlerOf(p: Process, sig: i64): u64 {
  const a = p.sigActions;
  return a === null ? u64(SIG_DFL) : a[actionOf(sig)];
}

/** Words of action a sigActions array holds (4 per signal); one more after them counts the other processes sharing it. */
const ACTION_WORDS: i32 = 256;

/**
 * The action words of `p` for changing them: made (all default) on first
 * need (most processes never change an action, and a Process stays small),
 * and a private copy when fork left them shared with other processes.
 */
export function actionsOf(p: Process): Uint64Array {
  let a = p.sigActions;
  if (a === null) {
    a = new Uint64Array(ACTION_WORDS + 1);
    p.sigActions = a;
  } else if (a[ACTION_WORDS] != 0) {
    a[ACTION_WORDS] = a[ACTION_WORDS] - 1;
    const copy = new Uint64Array(ACTION_WORDS + 1);
    memcpy(changetype<usize>(copy) + 8, changetype<usize>(a) + 8, usize(ACTION_WORDS) * 8);
    p.sigActions = copy;
    a = copy;
  }
  return a;
}

/** Whether `p` has a signal that is pending and not blocked. */
export function signalPending(p: Process): bool {
  return (p.sigPending & ~(p.sigBlocked & ~UNBLOCKABLE)) != 0;
}

/** Whether `p` discards `sig` at once: ignored, explicitly or by default. */
function discards(p: Process, sig: i64): bool {
  const h = handlerOf(p, sig);
  return h == u64(SIG_IGN) || (h == u64(SIG_DFL) && (DEFAULT_IGNORED & bit(sig)) != 0);
}

/**
 * Sends `sig` (1 … 64) to `p`, from the process `from` (0: the kernel):
 * pending until delivered, unless `p` ignores it. An unblocked signal
 * ends an interruptible sleep. Safe in interrupt handlers.
 */
export function signalSend(p: Process, sig: i64, from: i64): void {
  if (p.state == State.Zombie || p.state == State.Dead) return;
  if (sig != SIGKILL && discards(p, sig)) return;
  p.sigPending |= bit(sig);
  p.sigInfo = u64(from);
  if (p === currentProcess()) noteSyscallWork();
  if ((p.sigBlocked & bit(sig) & ~UNBLOCKABLE) != 0) return; // delivered once unblocked
  if (p.state == State.Sleeping && p.interruptible) {
    const q = p.sleepingOn;
    if (q !== null) unqueue(q, p);
    else sleepCancel(p);
    wakeProcess(p);
  }
}

/** fork's part: the child's dispositions and mask are the parent's; nothing is pending. */
export function signalsInherit(child: Process, parent: Process): void {
  const from = parent.sigActions;
  if (from !== null) from[ACTION_WORDS] = from[ACTION_WORDS] + 1; // shared until either changes an action (actionsOf)
  child.sigActions = from;
  child.sigBlocked = parent.sigBlocked;
  child.pgid = parent.pgid;
}

/** execve's part: caught signals go back to their default (ignored ones stay ignored); mask and pending stay. */
export function signalsReset(p: Process): void {
  if (p.sigActions === null) return;
  const a = actionsOf(p);
  for (let i: i32 = 0; i < ACTION_WORDS; i += 4) {
    if (a[i] != u64(SIG_IGN)) {
      a[i] = u64(SIG_DFL);
      a[i + 1] = 0;
      a[i + 2] = 0;
      a[i + 3] = 0;
    }
  }
}

/** Frees the action words of `p` (it is being reaped). */
export function signalsFree(p: Process): void {
  const a = p.sigActions;
  if (a !== null && a[ACTION_WORDS] != 0) a[ACTION_WORDS] = a[ACTION_WORDS] - 1; // another process still has them
  else if (a !== null) free(a);
  p.sigActions = null;
}

/** The lowest pending unblocked signal of `p`, taken off its pending set; 0 if none. */
function takeSignal(p: Process): i64 {
  const ready = p.sigPending & ~(p.sigBlocked & ~UNBLOCKABLE);
  if (ready == 0) return 0;
  let sig: i64 = 1;
  while ((ready & bit(sig)) == 0) sig++;
  p.sigPending &= ~bit(sig);
  return sig;
}

/**
 * Delivers the current process's pending signals before it returns to
 * ring 3 through `f`: each ignored one is dropped, a default one that
 * terminates ends the process, and the first with a handler redirects `f`
 * into it. Called with interrupts off.
 */
export function deliverSignals(f: TrapFrame): void {
  const p = currentProcess();
  while (signalPending(p)) {
    const sig = takeSignal(p);
    if (sig == 0) return;
    const h = handlerOf(p, sig);
    if (h == u64(SIG_IGN) && sig != SIGKILL) continue;
    if (h == u64(SIG_DFL) || sig == SIGKILL) {
      if ((DEFAULT_IGNORED & bit(sig)) != 0) continue;
      exitCurrent(SIGNAL_STATUS_BASE + sig);
    }
    if (!deliver(p, f, sig, p.sigInfo, 0)) exitCurrent(SIGNAL_STATUS_BASE + sig); // no room for the frame: as Linux, the process dies
    return;
  }
}

/**
 * Whether `p` has a handler for `sig` that a fault can run: not blocked,
 * not the default or ignore (a fault signal that is ignored or blocked
 * still ends the process, as on Linux).
 */
export function faultHandled(p: Process, sig: i64): bool {
  const h = handlerOf(p, sig);
  return h != u64(SIG_DFL) && h != u64(SIG_IGN) && (p.sigBlocked & bit(sig)) == 0;
}

/** Runs `p`'s handler for the fault signal `sig` at `addr` through `f`, which the CPU's exception left; false when the frame does not fit. */
export function deliverFault(p: Process, f: TrapFrame, sig: i64, addr: u64, trapno: u64): bool {
  return deliver(p, f, sig, addr, trapno);
}

/**
 * Builds the signal frame for `sig` on the user stack below `f.rsp` (past
 * the 128-byte red zone) and points `f` at the handler. Layout, from the
 * new rsp (8 bytes off a 16-byte boundary, as at a function's entry):
 *   0    the restorer's address (the handler's return address)
 *   8    ucontext: flags, link, stack (24 bytes), mcontext (256 bytes:
 *        r8 … r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, rflags,
 *        selectors, err, trapno, oldmask, cr2, &fpstate, 8 reserved),
 *        mask (8)
 *   312  siginfo (128 bytes: signo, errno, code, then pid or address)
 *   440  the FPU state (fxsave's 512 bytes)
 */
function deliver(p: Process, f: TrapFrame, sig: i64, info: u64, trapno: u64): bool {
  const actions = p.sigActions!; // made already: the signal has a handler (read only here: maybe shared with other processes)
  const a = actionOf(sig);
  const handler = actions[a];
  if (handler < USER_START || handler >= USER_END) return false; // never let sysretq see a bad rip
  const sp = ((f.rsp - 128 - FRAME_BYTES) & ~u64(15)) - 8;
  memset(changetype<usize>(frame) + 8, 0, usize(FRAME_BYTES));
  frame[0] = actions[a + 2];
  frame[4] = 2; // uc_stack.ss_flags: SS_DISABLE (no alternate stack)
  frame[MC] = f.r8;
  frame[MC + 1] = f.r9;
  frame[MC + 2] = f.r10;
  frame[MC + 3] = f.r11;
  frame[MC + 4] = f.r12;
  frame[MC + 5] = f.r13;
  frame[MC + 6] = f.r14;
  frame[MC + 7] = f.r15;
  frame[MC + 8] = f.rdi;
  frame[MC + 9] = f.rsi;
  frame[MC + 10] = f.rbp;
  frame[MC + 11] = f.rbx;
  frame[MC + 12] = f.rdx;
  frame[MC + 13] = f.rax;
  frame[MC + 14] = f.rcx;
  frame[MC + 15] = f.rsp;
  frame[MC + 16] = f.rip;
  frame[MC + 17] = f.rflags;
  frame[MC + 18] = USER_CS | (USER_SS << 48);
  frame[MC + 20] = trapno;
  const mask = p.sigRestore ? p.sigSaved : p.sigBlocked; // what the handler's return restores: the mask before a ppoll's own
  p.sigRestore = false;
  frame[MC + 21] = mask;
  frame[MC + 22] = trapno == 14 ? info : 0; // cr2
  frame[MC + 23] = sp + FPU_AT;
  frame[UC_MASK] = mask;
  frame[INFO] = u64(sig);
  frame[INFO + 1] = trapno != 0 ? 0x80 : 0; // si_code: SI_KERNEL for a fault, SI_USER for kill
  frame[INFO + 2] = info; // si_pid (si_uid 0) for kill, si_addr for a fault
  fpuSave(p.fpuArea());
  memcpy(changetype<usize>(frame) + 8 + usize(FPU_AT), p.fpuArea(), 512);
  if (copyToUser(sp, changetype<usize>(frame) + 8, FRAME_BYTES) < 0) return false;
  f.rsp = sp;
  f.rip = handler;
  f.rdi = u64(sig);
  f.rsi = sp + INFO_AT;
  f.rdx = sp + 8;
  f.rax = 0;
  f.rflags &= ~u64(0x400 | 0x100); // DF and TF clear, as SysV requires at a call
  p.sigBlocked |= actions[a + 3] & ~UNBLOCKABLE;
  if ((actions[a + 1] & u64(SA_NODEFER)) == 0) p.sigBlocked |= bit(sig) & ~UNBLOCKABLE;
  if ((actions[a + 1] & u64(SA_RESETHAND)) != 0) actionsOf(p)[a] = u64(SIG_DFL);
  return true;
}

/**
 * rt_sigreturn: restores the context the signal frame at `f.rsp - 8` holds
 * (a handler's `ret` popped the restorer's address) into `f`, with the
 * mask and FPU state, so the interrupted code resumes as it was. Values a
 * process may not choose are forced: the selectors, RFLAGS' system bits,
 * and a rip or rsp outside user space (the process is then killed with
 * SIGSEGV, as a corrupt frame is on Linux). Returns the restored rax.
 */
export function signalReturn(f: TrapFrame): i64 {
  const p = currentProcess();
  if (copyFromUser(changetype<usize>(frame) + 8, f.rsp - 8, FRAME_BYTES) < 0) exitCurrent(SIGNAL_STATUS_BASE + 11);
  const rip = frame[MC + 16];
  const rsp = frame[MC + 15];
  if (rip < USER_START || rip >= USER_END || rsp >= u64(0x0000_8000_0000_0000)) exitCurrent(SIGNAL_STATUS_BASE + 11);
  f.r8 = frame[MC];
  f.r9 = frame[MC + 1];
  f.r10 = frame[MC + 2];
  f.r11 = frame[MC + 3];
  f.r12 = frame[MC + 4];
  f.r13 = frame[MC + 5];
  f.r14 = frame[MC + 6];
  f.r15 = frame[MC + 7];
  f.rdi = frame[MC + 8];
  f.rsi = frame[MC + 9];
  f.rbp = frame[MC + 10];
  f.rbx = frame[MC + 11];
  f.rdx = frame[MC + 12];
  f.rax = frame[MC + 13];
  f.rcx = frame[MC + 14];
  f.rsp = rsp;
  f.rip = rip;
  f.rflags = (frame[MC + 17] & USER_FLAG_BITS) | USER_RFLAGS;
  f.cs = USER_CS;
  f.ss = USER_SS;
  p.sigBlocked = frame[UC_MASK] & ~UNBLOCKABLE;
  // The FPU state goes through the process's own area, with MXCSR's reserved bits cleared (fxrstor would fault on them).
  const area = p.fpuArea();
  memcpy(area, changetype<usize>(frame) + 8 + usize(FPU_AT), 512);
  store<u32>(area + 24, load<u32>(area + 24) & 0xffff);
  store<u32>(area + 28, 0); // MXCSR_MASK: read-only, not the process's to set
  fpuRestore(area);
  p.restoreFull = true; // rcx and r11 are live again: iretq, not sysretq
  noteSyscallWork(); // and the restored mask may let a pending signal through
  return i64(f.rax);
}

/**
 * The system-call exit, when noteSyscallWork asked for it: delivers pending
 * signals through `f`; whether the return must be by iretq (a restored
 * context). @export tskc_syscall_exit_work
 */
export function syscallExitWork(f: TrapFrame): bool {
  takeSyscallWork();
  const p = currentProcess();
  if (signalPending(p)) deliverSignals(f);
  if (p.sigRestore) { // no handler ran: the mask a ppoll replaced comes back, and may let a pending signal through
    p.sigRestore = false;
    p.sigBlocked = p.sigSaved;
    if (signalPending(p)) deliverSignals(f);
  }
  const full = p.restoreFull;
  p.restoreFull = false;
  return full;
}

/**
 * A call's own signal mask (ppoll's sigmask): `p` blocks `mask` (never
 * SIGKILL or SIGSTOP) until signalMaskEnd; its mask is kept aside.
 */
export function signalMaskSwap(p: Process, mask: u64): void {
  p.sigSaved = p.sigBlocked;
  p.sigBlocked = mask & ~UNBLOCKABLE;
}

/**
 * The end of that call. Its own mask goes at once, unless the call was
 * interrupted (-EINTR): then the signal is delivered on the way out under
 * the call's mask, its handler's frame keeps the saved mask for
 * rt_sigreturn to restore, and syscallExitWork restores it when no handler
 * runs, as Linux's restore_saved_sigmask_unless.
 */
export function signalMaskEnd(p: Process, interrupted: bool): void {
  if (interrupted) p.sigRestore = true;
  else p.sigBlocked = p.sigSaved;
  noteSyscallWork(); // a signal pending under the call's mask may be deliverable under the saved one
}

/** Whether signal number `sig` exists (1 … 64). */
export function validSignal(sig: i64): bool {
  return sig >= 1 && sig <= NSIG;
}

/** The signal Linux sends for CPU exception `vector` in user mode. */
export function signalOfVector(vector: i64): i64 {
  if (vector == 0 || vector == 16 || vector == 19) return SIGFPE; // #DE, #MF, #XM
  if (vector == 1 || vector == 3) return SIGTRAP; // #DB, #BP
  if (vector == 6) return SIGILL; // #UD
  if (vector == 17) return SIGBUS; // #AC
  return SIGSEGV; // #PF, #GP, #SS, #NP and the rest
}
