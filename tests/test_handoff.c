/* test_handoff.c - work handed from one thread to another
 * (src/core/handoff.h).
 *
 * Pins: items come out in the order they went in, whichever side the
 * second thread is on; take gives NULL once the queue is closed and empty;
 * a full queue holds the putter back; items never taken are dropped at
 * join without a leak (ASan); a side that would wait does idle work
 * instead while there is some, and waits once there is none.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/handoff.h"

#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { ITEMS = 2000 };

static int values[ITEMS];

/* The second thread puts every item, then closes. */
typedef struct Putter {
    size_t count;
    atomic_int put; /* puts returned so far */
} Putter;

static void put_all(Handoff *h, void *arg)
{
    Putter *pt = arg;
    for (size_t i = 0; i < pt->count; i++) {
        handoff_put(h, &values[i]);
        atomic_fetch_add(&pt->put, 1);
    }
    handoff_close(h);
}

static void test_items_come_out_in_order_then_null(void **state)
{
    (void)state;
    for (int i = 0; i < ITEMS; i++)
        values[i] = i;
    Putter pt = {ITEMS, 0};
    Handoff *h = handoff_start(4, put_all, &pt);
    assert_non_null(h);
    for (int i = 0; i < ITEMS; i++) {
        int *v = handoff_take(h);
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_null(handoff_take(h));
    assert_null(handoff_take(h));
    handoff_join(h);
}

/* Nobody takes: the putter stops at the limit until the caller does. */
static void test_a_full_queue_holds_the_putter_back(void **state)
{
    (void)state;
    Putter pt = {10, 0};
    Handoff *h = handoff_start(2, put_all, &pt);
    assert_non_null(h);
    /* Give the putter time to run ahead if it could. */
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
    assert_true(atomic_load(&pt.put) <= 2);
    size_t taken = 0;
    while (handoff_take(h))
        taken++;
    assert_int_equal(taken, 10);
    assert_int_equal(atomic_load(&pt.put), 10);
    handoff_join(h);
}

/* The second thread takes, in order, until the caller closes. */
typedef struct Taker {
    int seen[ITEMS];
    size_t count;
} Taker;

static void take_all(Handoff *h, void *arg)
{
    Taker *t = arg;
    int *v;
    while ((v = handoff_take(h)) != NULL)
        t->seen[t->count++] = *v;
}

static void test_the_second_thread_can_take(void **state)
{
    (void)state;
    static Taker t;
    memset(&t, 0, sizeof t);
    Handoff *h = handoff_start(0, take_all, &t);
    assert_non_null(h);
    for (int i = 0; i < ITEMS; i++)
        handoff_put(h, &values[i]);
    handoff_close(h);
    handoff_join(h);
    assert_int_equal(t.count, ITEMS);
    for (int i = 0; i < ITEMS; i++)
        assert_int_equal(t.seen[i], values[i]);
}

static void take_nothing(Handoff *h, void *arg)
{
    (void)h;
    (void)arg;
}

static void test_items_never_taken_are_dropped_at_join(void **state)
{
    (void)state;
    Handoff *h = handoff_start(0, take_nothing, NULL);
    assert_non_null(h);
    for (int i = 0; i < 3; i++)
        handoff_put(h, &values[i]);
    handoff_close(h);
    handoff_join(h);
}

/* Idle work: a counter of pieces, some of them to do. */
typedef struct Chores {
    atomic_int left, done;
} Chores;

static int do_a_chore(void *arg)
{
    Chores *c = arg;
    if (atomic_load(&c->left) <= 0)
        return 0;
    atomic_fetch_sub(&c->left, 1);
    atomic_fetch_add(&c->done, 1);
    return 1;
}

/* The second thread puts after a pause: the taker, which would wait,
 * does the chores first, then still gets every item in order. */
static void put_after_a_pause(Handoff *h, void *arg)
{
    (void)arg;
    struct timespec pause = {0, 30 * 1000 * 1000};
    nanosleep(&pause, NULL);
    for (int i = 0; i < 5; i++)
        handoff_put(h, &values[i]);
    handoff_close(h);
}

static void test_a_waiting_taker_does_idle_work(void **state)
{
    (void)state;
    for (int i = 0; i < ITEMS; i++)
        values[i] = i;
    Chores c = {100, 0};
    Handoff *h = handoff_start(0, put_after_a_pause, NULL);
    assert_non_null(h);
    for (int i = 0; i < 5; i++) {
        int *v = handoff_take_idle(h, do_a_chore, &c);
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_null(handoff_take_idle(h, do_a_chore, &c));
    assert_int_equal(atomic_load(&c.done), 100); /* all done while waiting */
    handoff_join(h);
}

/* Nobody takes for a while: the putter, held back by the full queue,
 * does the chores meanwhile. */
typedef struct ChorePutter {
    Chores chores;
    atomic_int put;
} ChorePutter;

static void put_doing_chores(Handoff *h, void *arg)
{
    ChorePutter *cp = arg;
    for (int i = 0; i < 6; i++) {
        handoff_put_idle(h, &values[i], do_a_chore, &cp->chores);
        atomic_fetch_add(&cp->put, 1);
    }
    handoff_close(h);
}

static void test_a_held_back_putter_does_idle_work(void **state)
{
    (void)state;
    ChorePutter cp = {{50, 0}, 0};
    Handoff *h = handoff_start(2, put_doing_chores, &cp);
    assert_non_null(h);
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
    assert_int_equal(atomic_load(&cp.chores.done), 50);
    assert_true(atomic_load(&cp.put) <= 2); /* and still held back */
    for (int i = 0; i < 6; i++) {
        int *v = handoff_take(h);
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_null(handoff_take(h));
    handoff_join(h);
}

/* Idle work that finds nothing to do, but takes a moment to find out:
 * the other side may put or take meanwhile, and the wait that follows
 * must not miss it (it used to: both sides then waited for ever). */
static int look_for_a_chore(void *arg)
{
    atomic_fetch_add((atomic_int *)arg, 1);
    for (volatile int spin = 0; spin < 200; spin++)
        ;
    return 0;
}

enum { RACE_ITEMS = 20000 };

static void put_many_looking_for_chores(Handoff *h, void *arg)
{
    for (int i = 0; i < RACE_ITEMS; i++)
        handoff_put_idle(h, &values[i % ITEMS], look_for_a_chore, arg);
    handoff_close(h);
}

static void test_a_change_during_idle_work_is_not_missed(void **state)
{
    (void)state;
    for (int i = 0; i < ITEMS; i++)
        values[i] = i;
    alarm(60); /* a wait that missed its change hangs: fail instead */
    atomic_int looks = 0;
    Handoff *h = handoff_start(1, put_many_looking_for_chores, &looks);
    assert_non_null(h);
    int taken = 0;
    int *v;
    while ((v = handoff_take_idle(h, look_for_a_chore, &looks)) != NULL) {
        assert_int_equal(*v, taken % ITEMS);
        taken++;
    }
    handoff_join(h);
    alarm(0);
    assert_int_equal(taken, RACE_ITEMS);
    assert_true(atomic_load(&looks) > 0);
}

/* The putter has closed the queue; it does idle work until the taker has
 * taken everything, then returns. */
typedef struct Lingering {
    Chores chores;
    atomic_int returned;
} Lingering;

static void put_then_linger(Handoff *h, void *arg)
{
    Lingering *l = arg;
    for (int i = 0; i < 3; i++)
        handoff_put(h, &values[i]);
    handoff_close_idle(h, do_a_chore, &l->chores);
    atomic_store(&l->returned, 1);
}

static void test_a_closed_putter_helps_until_all_is_taken(void **state)
{
    (void)state;
    for (int i = 0; i < ITEMS; i++)
        values[i] = i;
    Lingering l = {{30, 0}, 0};
    Handoff *h = handoff_start(0, put_then_linger, &l);
    assert_non_null(h);
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
    /* Items are left: it has done the chores, and waits. */
    assert_int_equal(atomic_load(&l.chores.done), 30);
    assert_int_equal(atomic_load(&l.returned), 0);
    for (int i = 0; i < 3; i++) {
        int *v = handoff_take(h);
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_null(handoff_take(h));
    handoff_join(h);
    assert_int_equal(atomic_load(&l.returned), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_come_out_in_order_then_null),
        cmocka_unit_test(test_a_full_queue_holds_the_putter_back),
        cmocka_unit_test(test_the_second_thread_can_take),
        cmocka_unit_test(test_items_never_taken_are_dropped_at_join),
        cmocka_unit_test(test_a_waiting_taker_does_idle_work),
        cmocka_unit_test(test_a_held_back_putter_does_idle_work),
        cmocka_unit_test(test_a_change_during_idle_work_is_not_missed),
        cmocka_unit_test(test_a_closed_putter_helps_until_all_is_taken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
