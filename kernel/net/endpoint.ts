// What UDP and TCP endpoints share: the local and remote address and port,
// the owner to wake when something changes (a socket, socket.ts), and the
// port numbers: which are taken, and the next ephemeral one.

/** Ephemeral ports, as Linux's default range. */
export const EPHEMERAL_FIRST: u16 = 49152;
export const EPHEMERAL_LAST: u16 = 65535;

export class Endpoint {
  localAddr: u32 = 0;
  localPort: u16 = 0;
  remoteAddr: u32 = 0;
  remotePort: u16 = 0;
  /** SO_REUSEADDR: a port held only by connections in TIME_WAIT may be bound again. */
  reuseAddr = false;
  /** The socket to wake (an address, socket.ts); 0 for none. */
  owner: usize = 0;
}

/** Called when an endpoint's state changed (data, a connection, an error): socket.ts wakes its sleepers. */
let wakeHook: ((owner: usize) => void) | null = null;

export function setWakeHook(hook: (owner: usize) => void): void {
  wakeHook = hook;
}

export function wakeOwner(e: Endpoint): void {
  const hook = wakeHook;
  if (hook !== null && e.owner != 0) hook(e.owner);
}

let nextEphemeral: u16 = EPHEMERAL_FIRST;

/** The next ephemeral port for which `taken` is false, or 0 when all are taken. */
export function ephemeralPort(taken: (port: u16) => bool): u16 {
  const span = u32(EPHEMERAL_LAST - EPHEMERAL_FIRST) + 1;
  for (let i: u32 = 0; i < span; i++) {
    const port = nextEphemeral;
    nextEphemeral = nextEphemeral == EPHEMERAL_LAST ? EPHEMERAL_FIRST : nextEphemeral + 1;
    if (!taken(port)) return port;
  }
  return 0;
}
