/* launch.c - loading and running the game module (see launch.h). */
#include "launch.h"
#include "core/xalloc.h"
#include "paths.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#ifndef QA_INSTALL_MODULEDIR
#define QA_INSTALL_MODULEDIR "/usr/local/lib/quizarcade"
#endif
#ifndef QA_MODULE_RELDIR
#define QA_MODULE_RELDIR "../lib/quizarcade"
#endif

#define QA_MODULE_NAME "quizarcade-game.so"

typedef int (*ShellRun)(const Options *);

/* The module beside the executable (build folder), in ../LIBDIR/quizarcade
 * (an install, wherever its prefix is moved) or in the configured install
 * folder. */
static char *launch_find_module(void)
{
    char *exe = paths_exe_dir();
    const char *rel[] = {"", QA_MODULE_RELDIR};
    for (size_t i = 0; exe && i < sizeof rel / sizeof *rel; i++) {
        char *dir = rel[i][0] ? paths_join(exe, rel[i]) : xstrdup(exe);
        char *path = paths_join(dir, QA_MODULE_NAME);
        free(dir);
        struct stat st;
        if (stat(path, &st) == 0) {
            free(exe);
            return path;
        }
        free(path);
    }
    free(exe);
    return paths_join(QA_INSTALL_MODULEDIR, QA_MODULE_NAME);
}

int launch_game(const Options *opts)
{
    char *path = launch_find_module();
    void *module = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!module) {
        fprintf(stderr, "quizarcade: cannot load the game module %s: %s\n", path, dlerror());
        free(path);
        return 1;
    }
    ShellRun run;
    *(void **)&run = dlsym(module, "shell_run");
    if (!run) {
        fprintf(stderr, "quizarcade: %s is not the game module: %s\n", path, dlerror());
        dlclose(module);
        free(path);
        return 1;
    }
    free(path);
    int rc = run(opts);
    /* The module stays loaded: SDL may have registered exit handlers. */
    return rc;
}
