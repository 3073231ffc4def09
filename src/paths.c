/* paths.c - where the game's data lives (see paths.h).
 *
 * The executable's folder comes from /proc/self/exe, not SDL_GetBasePath:
 * the command line (main.c, commands.c) must run without loading SDL, which
 * only the game module links. On Linux SDL_GetBasePath reads /proc/self/exe
 * too, so the game module would find the same folder through it.
 */
#include "paths.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
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

static int paths_is_root(const char *root, const char *probe)
{
    char *file = paths_join(root, probe);
    struct stat st;
    int ok = stat(file, &st) == 0 && S_ISREG(st.st_mode);
    free(file);
    return ok;
}

char *paths_data_root_with(const char *probe, char **searched)
{
    StrBuf tried = {0};
    char *exe = paths_exe_dir();
    const char *rel[] = {"", "..", QA_DATA_RELDIR};
    for (size_t i = 0; exe && i < sizeof rel / sizeof *rel; i++) {
        char *cand = rel[i][0] ? paths_join(exe, rel[i]) : xstrdup(exe);
        char resolved[PATH_MAX];
        if (paths_is_root(cand, probe) && realpath(cand, resolved)) {
            free(cand);
            free(exe);
            strbuf_free(&tried);
            if (searched)
                *searched = NULL;
            return xstrdup(resolved);
        }
        strbuf_printf(&tried, "%s%s", tried.len ? ", " : "",
                      realpath(cand, resolved) ? resolved : cand);
        free(cand);
    }
    free(exe);
    if (paths_is_root(QA_INSTALL_DATADIR, probe)) {
        strbuf_free(&tried);
        if (searched)
            *searched = NULL;
        return xstrdup(QA_INSTALL_DATADIR);
    }
    strbuf_printf(&tried, "%s%s", tried.len ? ", " : "", QA_INSTALL_DATADIR);
    if (searched)
        *searched = strbuf_take(&tried);
    else
        strbuf_free(&tried);
    return NULL;
}

char *paths_data_root(void)
{
    return paths_data_root_with(PATHS_CORPUS, NULL);
}

char *paths_absolute(const char *path)
{
    if (path[0] == '/')
        return xstrdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return xstrdup(path);
    return paths_join(cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
}

/* Makes one folder unless a folder is already there. */
static int paths_mkdir_one(const char *dir, char *err, size_t errlen)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        snprintf(err, errlen, "%s is not a folder", dir);
        return -1;
    }
    if (mkdir(dir, 0755) == 0)
        return 0;
    int e = errno;
    if (e == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return 0; /* made by someone else meanwhile */
    snprintf(err, errlen, "%s: %s", dir, strerror(e));
    return -1;
}

int paths_mkdir_p(const char *dir, char *err, size_t errlen)
{
    if (!dir[0]) {
        snprintf(err, errlen, "an empty folder name");
        return -1;
    }
    char *path = xstrdup(dir);
    int rc = 0;
    /* Every prefix ending before a slash, then the whole path. */
    for (char *p = path + 1; *p && rc == 0; p++) {
        if (*p != '/' || p[-1] == '/')
            continue;
        *p = '\0';
        rc = paths_mkdir_one(path, err, errlen);
        *p = '/';
    }
    if (rc == 0)
        rc = paths_mkdir_one(path, err, errlen);
    free(path);
    return rc;
}
