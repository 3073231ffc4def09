/* paths.h - where the game's data (assets/, levels/) lives, and folders.
 *
 * The same executable runs from its build folder and from an install
 * prefix, from any working directory. The data root is the first of these
 * folders that holds the file the caller needs (a probe, relative to the
 * root: the shipped corpus for the text commands, the fonts for the game):
 *   the executable's folder, its parent (a build folder inside the source
 *   tree), ../share/quizarcade beside it (a relocated install), and the
 *   data folder of the configured install prefix.
 */
#ifndef QA_PATHS_H
#define QA_PATHS_H

#include <stddef.h>

/* Probes: a data root is recognised by one of these files. */
#define PATHS_CORPUS "assets/corpus/python-interview.md"
#define PATHS_FONT "assets/fonts/DejaVuSans.ttf"

/* The data root holding the shipped corpus, or NULL when none is found
 * (caller frees). */
char *paths_data_root(void);

/* The first data root holding probe (a regular file, relative to the
 * root), or NULL (caller frees). When none is found and searched is not
 * NULL, *searched is set to the folders looked in, comma-separated, for a
 * message (caller frees); otherwise it is set to NULL. */
char *paths_data_root_with(const char *probe, char **searched);

/* Joins a root and a relative path (caller frees). */
char *paths_join(const char *root, const char *rel);

/* An absolute form of path: relative paths are joined to the current
 * directory (caller frees). Nothing is resolved, the file need not exist. */
char *paths_absolute(const char *path);

/* Creates dir and every missing parent (mkdir -p). Returns 0, or -1 with
 * the reason in err: "FOLDER: why" or "FOLDER is not a folder", naming the
 * first folder that could not be made. */
int paths_mkdir_p(const char *dir, char *err, size_t errlen);

/* The folder of the running executable, or NULL (caller frees). */
char *paths_exe_dir(void);

#endif
