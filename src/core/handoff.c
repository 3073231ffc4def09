/* handoff.c - work handed from one thread to another (see handoff.h).
 *
 * A linked list under one mutex, with one condition for both sides: the
 * taker waits for an item or the close, the putter for room. Items come a
 * batch at a time (tens to hundreds per file), so a node allocated per
 * item and a broadcast per change cost nothing that shows.
 */
#include "handoff.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct HandoffNode {
    struct HandoffNode *next;
    void *item;
} HandoffNode;

struct Handoff {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    HandoffNode *head, *tail;
    size_t waiting, max;
    int closed;
    unsigned long changes; /* broadcasts of `changed` so far */
    pthread_t thread;
    HandoffFn fn;
    void *arg;
};

static void *handoff_run(void *arg)
{
    Handoff *h = arg;
    h->fn(h, h->arg);
    return NULL;
}

Handoff *handoff_start(size_t max, HandoffFn fn, void *arg)
{
    Handoff *h = xcalloc(1, sizeof *h);
    h->max = max;
    h->fn = fn;
    h->arg = arg;
    if (pthread_mutex_init(&h->lock, NULL) != 0) {
        free(h);
        return NULL;
    }
    if (pthread_cond_init(&h->changed, NULL) != 0) {
        pthread_mutex_destroy(&h->lock);
        free(h);
        return NULL;
    }
    if (pthread_create(&h->thread, NULL, handoff_run, h) != 0) {
        pthread_cond_destroy(&h->changed);
        pthread_mutex_destroy(&h->lock);
        free(h);
        return NULL;
    }
    return h;
}

static void handoff_changed(Handoff *h)
{
    h->changes++;
    pthread_cond_broadcast(&h->changed);
}

/* Waits for the next change, or does idle work first if there is any.
 * Called and returns with the lock held; the caller looks again. */
static void handoff_wait(Handoff *h, HandoffIdleFn idle, void *arg)
{
    if (idle) {
        unsigned long seen = h->changes;
        pthread_mutex_unlock(&h->lock);
        int did = idle(arg);
        pthread_mutex_lock(&h->lock);
        /* A change while the lock was free would not wake the wait. */
        if (did || h->changes != seen)
            return;
    }
    pthread_cond_wait(&h->changed, &h->lock);
}

void handoff_put(Handoff *h, void *item)
{
    handoff_put_idle(h, item, NULL, NULL);
}

void handoff_put_idle(Handoff *h, void *item, HandoffIdleFn idle, void *arg)
{
    HandoffNode *n = xmalloc(sizeof *n);
    n->next = NULL;
    n->item = item;
    pthread_mutex_lock(&h->lock);
    while (h->max && h->waiting >= h->max)
        handoff_wait(h, idle, arg);
    if (h->tail)
        h->tail->next = n;
    else
        h->head = n;
    h->tail = n;
    h->waiting++;
    handoff_changed(h);
    pthread_mutex_unlock(&h->lock);
}

void handoff_close(Handoff *h)
{
    handoff_close_idle(h, NULL, NULL);
}

void handoff_close_idle(Handoff *h, HandoffIdleFn idle, void *arg)
{
    pthread_mutex_lock(&h->lock);
    h->closed = 1;
    handoff_changed(h);
    if (idle)
        while (h->head)
            handoff_wait(h, idle, arg);
    pthread_mutex_unlock(&h->lock);
}

void *handoff_take(Handoff *h)
{
    return handoff_take_idle(h, NULL, NULL);
}

void *handoff_take_idle(Handoff *h, HandoffIdleFn idle, void *arg)
{
    pthread_mutex_lock(&h->lock);
    while (!h->head && !h->closed)
        handoff_wait(h, idle, arg);
    HandoffNode *n = h->head;
    if (n) {
        h->head = n->next;
        if (!h->head)
            h->tail = NULL;
        h->waiting--;
        handoff_changed(h);
    }
    pthread_mutex_unlock(&h->lock);
    if (!n)
        return NULL;
    void *item = n->item;
    free(n);
    return item;
}

void handoff_join(Handoff *h)
{
    pthread_join(h->thread, NULL);
    while (h->head) {
        HandoffNode *n = h->head;
        h->head = n->next;
        free(n);
    }
    pthread_cond_destroy(&h->changed);
    pthread_mutex_destroy(&h->lock);
    free(h);
}
