// The task side of the cycle (main.ts): each task owns a queue of its waiters.
import { Queue } from './queue';

export class Task {
  next: Task | null = null;
  readonly waiters = new Queue();
  constructor(public id: i32) {}
}
