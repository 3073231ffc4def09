/* filemap.c - a file's bytes mapped into memory instead of read (see
 * filemap.h). */
#include "filemap.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* Files mapped at once; one more is read instead. */
enum { FILEMAP_SLOTS = 8 };

typedef struct MapSlot {
    atomic_uintptr_t start, end; /* the whole mapping; 0, 0: free */
    atomic_int cut;              /* the file was cut short while mapped */
} MapSlot;

static MapSlot filemap_slots[FILEMAP_SLOTS];
static pthread_mutex_t filemap_lock = PTHREAD_MUTEX_INITIALIZER;
static int filemap_open_count;           /* under filemap_lock */
static struct sigaction filemap_before;  /* SIGBUS handling before the first map */
static atomic_uintptr_t filemap_page_size;

/* Runs on the thread whose read failed. mmap is not on POSIX's list of
 * async-signal-safe functions, but on Linux it is a plain system call. */
static void filemap_on_sigbus(int sig, siginfo_t *info, void *context)
{
    uintptr_t at = (uintptr_t)info->si_addr;
    uintptr_t page = atomic_load(&filemap_page_size);
    /* si_addr means something only for a fault (a signal sent by kill or
     * raise has si_code <= 0). */
    for (size_t i = 0; i < FILEMAP_SLOTS && info->si_code > 0; i++) {
        uintptr_t start = atomic_load(&filemap_slots[i].start);
        uintptr_t end = atomic_load(&filemap_slots[i].end);
        if (start == 0 || at < start || at >= end)
            continue;
        /* Zeros from the missing page to the end; the read is then tried
         * again and finds them. */
        uintptr_t from = at & ~(page - 1);
        if (mmap((void *)from, end - from, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
            break;
        atomic_store(&filemap_slots[i].cut, 1);
        return;
    }
    /* Not a mapped file's fault: whatever handled SIGBUS before does. */
    if (filemap_before.sa_flags & SA_SIGINFO) {
        filemap_before.sa_sigaction(sig, info, context);
    } else if (filemap_before.sa_handler != SIG_DFL && filemap_before.sa_handler != SIG_IGN) {
        filemap_before.sa_handler(sig);
    } else {
        /* The default: the process ends when the fault comes again. */
        struct sigaction dfl = {0};
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        sigaction(SIGBUS, &dfl, NULL);
        if (info->si_code <= 0) /* sent, not a fault: it will not come again */
            raise(SIGBUS);
    }
}

/* Takes a free slot, installing the handler with the first; -1: none. */
static int filemap_take_slot(void)
{
    int found = -1;
    pthread_mutex_lock(&filemap_lock);
    for (int i = 0; i < FILEMAP_SLOTS && found < 0; i++)
        if (atomic_load(&filemap_slots[i].start) == 0)
            found = i;
    if (found >= 0 && filemap_open_count == 0) {
        struct sigaction sa = {0};
        sa.sa_sigaction = filemap_on_sigbus;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        if (sigaction(SIGBUS, &sa, &filemap_before) != 0)
            found = -1;
    }
    if (found >= 0) {
        filemap_open_count++;
        atomic_store(&filemap_slots[found].cut, 0);
        atomic_store(&filemap_slots[found].start, (uintptr_t)1); /* taken; matches no fault */
        atomic_store(&filemap_slots[found].end, (uintptr_t)1);
    }
    pthread_mutex_unlock(&filemap_lock);
    return found;
}

/* Frees slot i, giving SIGBUS back to its handler before with the last. */
static void filemap_free_slot(int i)
{
    pthread_mutex_lock(&filemap_lock);
    atomic_store(&filemap_slots[i].end, (uintptr_t)0);
    atomic_store(&filemap_slots[i].start, (uintptr_t)0);
    if (--filemap_open_count == 0)
        sigaction(SIGBUS, &filemap_before, NULL);
    pthread_mutex_unlock(&filemap_lock);
}

static size_t filemap_total(size_t len, size_t slack, size_t page)
{
    return (len + page - 1) / page * page + (slack + page - 1) / page * page;
}

char *filemap_open(int fd, size_t len, size_t slack)
{
    long page_size = sysconf(_SC_PAGESIZE);
    if (len == 0 || page_size <= 0 || len > SIZE_MAX / 2)
        return NULL;
    size_t page = (size_t)page_size;
    atomic_store(&filemap_page_size, (uintptr_t)page);
    int slot = filemap_take_slot();
    if (slot < 0)
        return NULL;
    size_t total = filemap_total(len, slack, page);
    /* Zeros for the whole length, then the file over its part of them. */
    char *base = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
        filemap_free_slot(slot);
        return NULL;
    }
    atomic_store(&filemap_slots[slot].end, (uintptr_t)base + total);
    atomic_store(&filemap_slots[slot].start, (uintptr_t)base);
    if (mmap(base, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        munmap(base, total);
        filemap_free_slot(slot);
        return NULL;
    }
    return base;
}

int filemap_close(char *bytes, size_t len, size_t slack)
{
    if (!bytes)
        return 0;
    int cut = 0;
    for (int i = 0; i < FILEMAP_SLOTS; i++) {
        if (atomic_load(&filemap_slots[i].start) != (uintptr_t)bytes)
            continue;
        size_t page = (size_t)atomic_load(&filemap_page_size);
        munmap(bytes, filemap_total(len, slack, page));
        cut = atomic_load(&filemap_slots[i].cut);
        filemap_free_slot(i);
        break;
    }
    return cut;
}
