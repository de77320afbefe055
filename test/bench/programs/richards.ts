// are-we-fast-yet Richards: an operating-system scheduler simulation with
// six tasks (idle, worker, two handlers, two devices) passing packets; each
// task's behaviour is a virtual `run`. Checked counts: 23246 packets queued,
// 9297 holds per run. Everything a run allocates is freed after it.
const ITERATIONS: i32 = 1000;
const IDLER: i32 = 0;
const WORKER: i32 = 1;
const HANDLER_A: i32 = 2;
const HANDLER_B: i32 = 3;
const DEVICE_A: i32 = 4;
const DEVICE_B: i32 = 5;
const NUM_TYPES: i32 = 6;
const DEVICE_PACKET_KIND: i32 = 0;
const WORK_PACKET_KIND: i32 = 1;
const DATA_SIZE: i32 = 4;

class Packet {
  datum: i32 = 0;
  data: Int32Array = new Int32Array(DATA_SIZE);
  constructor(public link: Packet | null, public identity: i32, public kind: i32) {}
}

/** Appends packet to the queue starting at head; returns the new head. */
function append(packet: Packet, head: Packet | null): Packet {
  packet.link = null;
  if (head === null) return packet;
  let mouse: Packet = head;
  let link = mouse.link;
  while (link !== null) {
    mouse = link;
    link = mouse.link;
  }
  mouse.link = packet;
  return head;
}

class TaskState {
  packetPending: bool = true;
  taskWaiting: bool = false;
  taskHolding: bool = false;

  setState(pending: bool, waiting: bool, holding: bool): void {
    this.packetPending = pending;
    this.taskWaiting = waiting;
    this.taskHolding = holding;
  }

  isTaskHoldingOrWaiting(): bool {
    return this.taskHolding || (!this.packetPending && this.taskWaiting);
  }

  isWaitingWithPacket(): bool {
    return this.packetPending && this.taskWaiting && !this.taskHolding;
  }
}

/** A task's behaviour and private data. */
abstract class TaskFn {
  constructor(public sched: Scheduler) {}
  abstract run(work: Packet | null): TaskControlBlock | null;
}

class TaskControlBlock extends TaskState {
  constructor(
    public link: TaskControlBlock | null, public identity: i32, public priority: i32,
    public input: Packet | null, pending: bool, waiting: bool, public fn: TaskFn,
  ) {
    super();
    this.setState(pending, waiting, false);
  }

  addInputAndCheckPriority(packet: Packet, oldTask: TaskControlBlock): TaskControlBlock {
    if (this.input === null) {
      this.input = packet;
      this.packetPending = true;
      if (this.priority > oldTask.priority) return this;
    } else {
      this.input = append(packet, this.input);
    }
    return oldTask;
  }

  runTask(): TaskControlBlock | null {
    let message: Packet | null = null;
    if (this.isWaitingWithPacket()) {
      const m = this.input!;
      message = m;
      this.input = m.link;
      if (this.input === null) this.setState(false, false, false);
      else this.setState(true, false, false);
    }
    return this.fn.run(message);
  }
}

class IdleFn extends TaskFn {
  control: i32 = 1;
  count: i32 = 10000;
  run(_work: Packet | null): TaskControlBlock | null {
    this.count--;
    if (this.count == 0) return this.sched.holdSelf();
    if ((this.control & 1) == 0) {
      this.control = this.control >> 1;
      return this.sched.release(DEVICE_A);
    }
    this.control = (this.control >> 1) ^ 53256;
    return this.sched.release(DEVICE_B);
  }
}

class WorkerFn extends TaskFn {
  destination: i32 = HANDLER_A;
  count: i32 = 0;
  run(work: Packet | null): TaskControlBlock | null {
    if (work === null) return this.sched.markWaiting();
    this.destination = this.destination == HANDLER_A ? HANDLER_B : HANDLER_A;
    work.identity = this.destination;
    work.datum = 0;
    for (let i: i32 = 0; i < DATA_SIZE; i++) {
      this.count++;
      if (this.count > 26) this.count = 1;
      work.data[i] = 65 + this.count - 1;
    }
    return this.sched.queuePacket(work);
  }
}

class HandlerFn extends TaskFn {
  workIn: Packet | null = null;
  deviceIn: Packet | null = null;
  run(work: Packet | null): TaskControlBlock | null {
    if (work !== null) {
      if (work.kind == WORK_PACKET_KIND) this.workIn = append(work, this.workIn);
      else this.deviceIn = append(work, this.deviceIn);
    }
    const workPacket = this.workIn;
    if (workPacket === null) return this.sched.markWaiting();
    const count = workPacket.datum;
    if (count >= DATA_SIZE) {
      this.workIn = workPacket.link;
      return this.sched.queuePacket(workPacket);
    }
    const devicePacket = this.deviceIn;
    if (devicePacket === null) return this.sched.markWaiting();
    this.deviceIn = devicePacket.link;
    devicePacket.datum = workPacket.data[count];
    workPacket.datum = count + 1;
    return this.sched.queuePacket(devicePacket);
  }
}

class DeviceFn extends TaskFn {
  pending: Packet | null = null;
  run(work: Packet | null): TaskControlBlock | null {
    if (work === null) {
      const p = this.pending;
      if (p === null) return this.sched.markWaiting();
      this.pending = null;
      return this.sched.queuePacket(p);
    }
    this.pending = work;
    return this.sched.holdSelf();
  }
}

class Scheduler {
  taskList: TaskControlBlock | null = null;
  currentTask: TaskControlBlock | null = null;
  currentTaskIdentity: i32 = 0;
  taskTable: (TaskControlBlock | null)[] = new Array<TaskControlBlock | null>(NUM_TYPES);
  queuePacketCount: i32 = 0;
  holdCount: i32 = 0;
  packets: Packet[] = new Array<Packet>(8);
  packetCount: i32 = 0;

  createPacket(link: Packet | null, identity: i32, kind: i32): Packet {
    const p = new Packet(link, identity, kind);
    this.packets[this.packetCount++] = p;
    return p;
  }

  createTask(identity: i32, priority: i32, work: Packet | null, pending: bool, waiting: bool, fn: TaskFn): void {
    const t = new TaskControlBlock(this.taskList, identity, priority, work, pending, waiting, fn);
    this.taskList = t;
    this.taskTable[identity] = t;
  }

  start(): bool {
    this.createTask(IDLER, 0, null, false, false, new IdleFn(this));
    let workQ = this.createPacket(null, WORKER, WORK_PACKET_KIND);
    workQ = this.createPacket(workQ, WORKER, WORK_PACKET_KIND);
    this.createTask(WORKER, 1000, workQ, true, true, new WorkerFn(this));
    workQ = this.createPacket(null, DEVICE_A, DEVICE_PACKET_KIND);
    workQ = this.createPacket(workQ, DEVICE_A, DEVICE_PACKET_KIND);
    workQ = this.createPacket(workQ, DEVICE_A, DEVICE_PACKET_KIND);
    this.createTask(HANDLER_A, 2000, workQ, true, true, new HandlerFn(this));
    workQ = this.createPacket(null, DEVICE_B, DEVICE_PACKET_KIND);
    workQ = this.createPacket(workQ, DEVICE_B, DEVICE_PACKET_KIND);
    workQ = this.createPacket(workQ, DEVICE_B, DEVICE_PACKET_KIND);
    this.createTask(HANDLER_B, 3000, workQ, true, true, new HandlerFn(this));
    this.createTask(DEVICE_A, 4000, null, false, true, new DeviceFn(this));
    this.createTask(DEVICE_B, 5000, null, false, true, new DeviceFn(this));
    this.schedule();
    return this.queuePacketCount == 23246 && this.holdCount == 9297;
  }

  findTask(identity: i32): TaskControlBlock {
    return this.taskTable[identity]!;
  }

  holdSelf(): TaskControlBlock | null {
    this.holdCount++;
    const t = this.currentTask!;
    t.taskHolding = true;
    return t.link;
  }

  queuePacket(packet: Packet): TaskControlBlock | null {
    const t = this.findTask(packet.identity);
    this.queuePacketCount++;
    packet.link = null;
    packet.identity = this.currentTaskIdentity;
    return t.addInputAndCheckPriority(packet, this.currentTask!);
  }

  release(identity: i32): TaskControlBlock | null {
    const t = this.findTask(identity);
    t.taskHolding = false;
    const current = this.currentTask!;
    if (t.priority > current.priority) return t;
    return current;
  }

  markWaiting(): TaskControlBlock | null {
    const t = this.currentTask!;
    t.taskWaiting = true;
    return t;
  }

  schedule(): void {
    this.currentTask = this.taskList;
    let t = this.currentTask;
    while (t !== null) {
      if (t.isTaskHoldingOrWaiting()) {
        t = t.link;
      } else {
        this.currentTaskIdentity = t.identity;
        t = t.runTask();
      }
      this.currentTask = t;
    }
  }

  releaseAll(): void {
    for (let i: i32 = 0; i < NUM_TYPES; i++) {
      const t = this.taskTable[i]!;
      free(t.fn);
      free(t);
    }
    for (let i: i32 = 0; i < this.packetCount; i++) {
      const p = this.packets[i];
      free(p.data);
      free(p);
    }
    free(this.taskTable);
    free(this.packets);
  }
}

let bad: i32 = 0;
let last = false;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  const s = new Scheduler();
  last = s.start();
  if (!last) bad++;
  s.releaseAll();
  free(s);
}
console.log(last, bad);
