// Two modules that import each other, where a class's field initializer
// constructs a class of the other module. This file imports queue.ts first,
// and queue.ts imports task.ts, so task.ts's class is defined while
// queue.ts's is only declared: `new Queue()` there must still work.
// node: skip (a program of three files; the Node side transpiles single files)
import { Queue, pushTask } from './queue';
import { Task } from './task';

const q = new Queue();
const t = new Task(7);
pushTask(q, t);
pushTask(q, new Task(8));
console.log(q.count, t.waiters.count, t.id);
//= 2 0 7
