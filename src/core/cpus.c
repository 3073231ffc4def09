/* cpus.c - how many threads the corpus loader may use (see cpus.h). */
#include "cpus.h"

#include <stdlib.h>
#include <unistd.h>

int cpus_for_loading(void)
{
    const char *env = getenv("QA_THREADS");
    if (env && *env) {
        char *end;
        long n = strtol(env, &end, 10);
        if (*end == '\0' && n >= 1 && n <= 1024)
            return (int)n;
    }
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online >= 1 ? (online > 1024 ? 1024 : (int)online) : 1;
}
