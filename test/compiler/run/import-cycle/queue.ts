// The queue side of the cycle (main.ts).
import { Task } from './task';

export class Queue {
  head: Task | null = null;
  count: i32 = 0;
}

export function pushTask(q: Queue, t: Task): void {
  t.next = q.head;
  q.head = t;
  q.count++;
}
