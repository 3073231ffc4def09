/* paths.c - where the game's data lives (see paths.h). */
#include "paths.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef QA_INSTALL_DATADIR
#define QA_INSTALL_DATADIR "/usr/local/share/quizarcade"
#endif
#ifndef QA_DATA_RELDIR
#define QA_DATA_RELDIR "../share/quizarcade"
#endif

char *paths_join(const char *root, const char *rel)
{
    StrBuf b = {0};
    size_t n = strlen(root);
    strbuf_puts(&b, root);
    if (n == 0 || root[n - 1] != '/')
        strbuf_putc(&b, '/');
    strbuf_puts(&b, rel);
    return strbuf_take(&b);
}

char *paths_exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return xstrdup(buf[0] ? buf : "/");
}

static int paths_is_root(const char *root)
{
    char *probe = paths_join(root, "assets/corpus/python-interview.md");
    struct stat st;
    int ok = stat(probe, &st) == 0 && S_ISREG(st.st_mode);
    free(probe);
    return ok;
}

char *paths_data_root(void)
{
    char *exe = paths_exe_dir();
    const char *rel[] = {"", "..", QA_DATA_RELDIR};
    for (size_t i = 0; exe && i < sizeof rel / sizeof *rel; i++) {
        char *cand = rel[i][0] ? paths_join(exe, rel[i]) : xstrdup(exe);
        char resolved[PATH_MAX];
        if (paths_is_root(cand) && realpath(cand, resolved)) {
            free(cand);
            free(exe);
            return xstrdup(resolved);
        }
        free(cand);
    }
    free(exe);
    if (paths_is_root(QA_INSTALL_DATADIR))
        return xstrdup(QA_INSTALL_DATADIR);
    return NULL;
}
