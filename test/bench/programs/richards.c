/* are-we-fast-yet Richards, the same algorithm as richards.ts: each task's
   behaviour is a function pointer (the TypeScript program's virtual run),
   NULL ends the queues, everything a run allocates is freed after it. */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>

#define ITERATIONS 1000
enum { IDLER, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B, NUM_TYPES };
enum { DEVICE_PACKET_KIND, WORK_PACKET_KIND };
#define DATA_SIZE 4

struct packet { struct packet *link; int identity, kind, datum; int data[DATA_SIZE]; };

struct sched;
struct tcb;
struct taskfn {
  struct tcb *(*run)(struct taskfn *self, struct packet *work);
  struct sched *sched;
  int control, count, destination;
  struct packet *workIn, *deviceIn, *pending;
};

struct tcb {
  struct tcb *link;
  int identity, priority;
  struct packet *input;
  bool packetPending, taskWaiting, taskHolding;
  struct taskfn *fn;
};

struct sched {
  struct tcb *taskList, *currentTask;
  int currentTaskIdentity;
  struct tcb *taskTable[NUM_TYPES];
  int queuePacketCount, holdCount;
  struct packet *packets[8];
  int packetCount;
};

static struct packet *append(struct packet *packet, struct packet *head) {
  packet->link = NULL;
  if (head == NULL) return packet;
  struct packet *mouse = head;
  while (mouse->link != NULL) mouse = mouse->link;
  mouse->link = packet;
  return head;
}

static struct tcb *add_input(struct tcb *t, struct packet *packet, struct tcb *old) {
  if (t->input == NULL) {
    t->input = packet;
    t->packetPending = true;
    if (t->priority > old->priority) return t;
  } else {
    t->input = append(packet, t->input);
  }
  return old;
}

static struct tcb *hold_self(struct sched *s) {
  s->holdCount++;
  s->currentTask->taskHolding = true;
  return s->currentTask->link;
}

static struct tcb *queue_packet(struct sched *s, struct packet *packet) {
  struct tcb *t = s->taskTable[packet->identity];
  s->queuePacketCount++;
  packet->link = NULL;
  packet->identity = s->currentTaskIdentity;
  return add_input(t, packet, s->currentTask);
}

static struct tcb *release(struct sched *s, int identity) {
  struct tcb *t = s->taskTable[identity];
  t->taskHolding = false;
  return t->priority > s->currentTask->priority ? t : s->currentTask;
}

static struct tcb *mark_waiting(struct sched *s) {
  s->currentTask->taskWaiting = true;
  return s->currentTask;
}

static struct tcb *idle_run(struct taskfn *f, struct packet *work) {
  (void)work;
  f->count--;
  if (f->count == 0) return hold_self(f->sched);
  if ((f->control & 1) == 0) {
    f->control = f->control >> 1;
    return release(f->sched, DEVICE_A);
  }
  f->control = (f->control >> 1) ^ 53256;
  return release(f->sched, DEVICE_B);
}

static struct tcb *worker_run(struct taskfn *f, struct packet *work) {
  if (work == NULL) return mark_waiting(f->sched);
  f->destination = f->destination == HANDLER_A ? HANDLER_B : HANDLER_A;
  work->identity = f->destination;
  work->datum = 0;
  for (int i = 0; i < DATA_SIZE; i++) {
    f->count++;
    if (f->count > 26) f->count = 1;
    work->data[i] = 65 + f->count - 1;
  }
  return queue_packet(f->sched, work);
}

static struct tcb *handler_run(struct taskfn *f, struct packet *work) {
  if (work != NULL) {
    if (work->kind == WORK_PACKET_KIND) f->workIn = append(work, f->workIn);
    else f->deviceIn = append(work, f->deviceIn);
  }
  struct packet *workPacket = f->workIn;
  if (workPacket == NULL) return mark_waiting(f->sched);
  int count = workPacket->datum;
  if (count >= DATA_SIZE) {
    f->workIn = workPacket->link;
    return queue_packet(f->sched, workPacket);
  }
  struct packet *devicePacket = f->deviceIn;
  if (devicePacket == NULL) return mark_waiting(f->sched);
  f->deviceIn = devicePacket->link;
  devicePacket->datum = workPacket->data[count];
  workPacket->datum = count + 1;
  return queue_packet(f->sched, devicePacket);
}

static struct tcb *device_run(struct taskfn *f, struct packet *work) {
  if (work == NULL) {
    struct packet *p = f->pending;
    if (p == NULL) return mark_waiting(f->sched);
    f->pending = NULL;
    return queue_packet(f->sched, p);
  }
  f->pending = work;
  return hold_self(f->sched);
}

static struct taskfn *new_fn(struct sched *s, struct tcb *(*run)(struct taskfn *, struct packet *)) {
  struct taskfn *f = calloc(1, sizeof *f);
  f->run = run;
  f->sched = s;
  f->control = 1;
  f->count = run == idle_run ? 10000 : 0;
  f->destination = HANDLER_A;
  return f;
}

static struct packet *create_packet(struct sched *s, struct packet *link, int identity, int kind) {
  struct packet *p = calloc(1, sizeof *p);
  p->link = link;
  p->identity = identity;
  p->kind = kind;
  s->packets[s->packetCount++] = p;
  return p;
}

static void create_task(struct sched *s, int identity, int priority, struct packet *work, bool pending, bool waiting,
                        struct taskfn *fn) {
  struct tcb *t = calloc(1, sizeof *t);
  t->link = s->taskList;
  t->identity = identity;
  t->priority = priority;
  t->input = work;
  t->packetPending = pending;
  t->taskWaiting = waiting;
  t->fn = fn;
  s->taskList = t;
  s->taskTable[identity] = t;
}

static struct tcb *run_task(struct tcb *t) {
  struct packet *message = NULL;
  if (t->packetPending && t->taskWaiting && !t->taskHolding) {
    message = t->input;
    t->input = message->link;
    t->packetPending = t->input != NULL;
    t->taskWaiting = false;
    t->taskHolding = false;
  }
  return t->fn->run(t->fn, message);
}

static void schedule(struct sched *s) {
  struct tcb *t = s->taskList;
  s->currentTask = t;
  while (t != NULL) {
    if (t->taskHolding || (!t->packetPending && t->taskWaiting)) {
      t = t->link;
    } else {
      s->currentTaskIdentity = t->identity;
      t = run_task(t);
    }
    s->currentTask = t;
  }
}

static bool start(struct sched *s) {
  create_task(s, IDLER, 0, NULL, false, false, new_fn(s, idle_run));
  struct packet *q = create_packet(s, NULL, WORKER, WORK_PACKET_KIND);
  q = create_packet(s, q, WORKER, WORK_PACKET_KIND);
  create_task(s, WORKER, 1000, q, true, true, new_fn(s, worker_run));
  q = create_packet(s, NULL, DEVICE_A, DEVICE_PACKET_KIND);
  q = create_packet(s, q, DEVICE_A, DEVICE_PACKET_KIND);
  q = create_packet(s, q, DEVICE_A, DEVICE_PACKET_KIND);
  create_task(s, HANDLER_A, 2000, q, true, true, new_fn(s, handler_run));
  q = create_packet(s, NULL, DEVICE_B, DEVICE_PACKET_KIND);
  q = create_packet(s, q, DEVICE_B, DEVICE_PACKET_KIND);
  q = create_packet(s, q, DEVICE_B, DEVICE_PACKET_KIND);
  create_task(s, HANDLER_B, 3000, q, true, true, new_fn(s, handler_run));
  create_task(s, DEVICE_A, 4000, NULL, false, true, new_fn(s, device_run));
  create_task(s, DEVICE_B, 5000, NULL, false, true, new_fn(s, device_run));
  schedule(s);
  return s->queuePacketCount == 23246 && s->holdCount == 9297;
}

int main(void) {
  int bad = 0;
  bool last = false;
  for (int it = 0; it < ITERATIONS; it++) {
    struct sched *s = calloc(1, sizeof *s);
    last = start(s);
    if (!last) bad++;
    for (int i = 0; i < NUM_TYPES; i++) {
      free(s->taskTable[i]->fn);
      free(s->taskTable[i]);
    }
    for (int i = 0; i < s->packetCount; i++) free(s->packets[i]);
    free(s);
  }
  printf("%s %d\n", last ? "true" : "false", bad);
  return 0;
}
