/* handoff.h - work handed from one thread to another, in order.
 *
 * Loading a large pack parses on a second thread while the corpus reader
 * reads (mdtree.h): one thread putting items and another taking them in
 * the order they were put. This is that queue, with the thread.
 *
 * Items are pointers, never NULL. Whoever puts them closes the queue when
 * there are no more; whoever takes them gets NULL once it is closed and
 * empty. An item belongs to the queue from put to take.
 */
#ifndef QA_HANDOFF_H
#define QA_HANDOFF_H

#include <stddef.h>

typedef struct Handoff Handoff;

/* Runs on the second thread; h is the queue it was started with. */
typedef void (*HandoffFn)(Handoff *h, void *arg);

/* Starts fn(h, arg) on a second thread and returns the queue, or NULL when
 * no thread can be had (nothing is started; the caller does the work
 * itself). handoff_put waits while max items wait untaken; 0: never. */
Handoff *handoff_start(size_t max, HandoffFn fn, void *arg);

/* Adds item at the end, waiting first while the queue is full. */
void handoff_put(Handoff *h, void *item);

/* Work a thread may do instead of waiting (for a queue to have room or an
 * item): does a piece of it and returns 1, or returns 0 when there is none
 * to do now. It runs on whichever thread would wait, so it must be safe to
 * call from either. */
typedef int (*HandoffIdleFn)(void *arg);

/* handoff_put and handoff_take that, while they would wait, call idle(arg)
 * until it returns 0, and only then wait. idle may be NULL. */
void handoff_put_idle(Handoff *h, void *item, HandoffIdleFn idle, void *arg);
void *handoff_take_idle(Handoff *h, HandoffIdleFn idle, void *arg);
/* No more items will be put. */
void handoff_close(Handoff *h);
/* The same, then idle work (as above) until every item has been taken:
 * the thread helps while the other still has its items to go through. */
void handoff_close_idle(Handoff *h, HandoffIdleFn idle, void *arg);
/* The next item, waiting for one; NULL once closed and empty. */
void *handoff_take(Handoff *h);

/* Waits for the second thread's fn to return, then frees the queue. Items
 * never taken are dropped, not freed: take them all first. */
void handoff_join(Handoff *h);

#endif
