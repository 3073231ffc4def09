/* handoff.h - work handed from one thread to another, in order.
 *
 * Loading a large pack runs two parts on second threads (mdtree.h parses
 * while the corpus reader reads; placement.h counts words while the
 * reader goes on). Both are one thread putting items and another taking
 * them in the order they were put; this is that queue, with the thread.
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
/* No more items will be put. */
void handoff_close(Handoff *h);
/* The next item, waiting for one; NULL once closed and empty. */
void *handoff_take(Handoff *h);

/* Waits for the second thread's fn to return, then frees the queue. Items
 * never taken are dropped, not freed: take them all first. */
void handoff_join(Handoff *h);

#endif
