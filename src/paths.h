/* paths.h - where the game's data (assets/, levels/) lives.
 *
 * The same executable runs from its build folder and from an install
 * prefix, from any working directory. The data root is the first of these
 * folders that holds assets/corpus/python-interview.md:
 *   the executable's folder, its parent (a build folder inside the source
 *   tree), ../share/quizarcade beside it (a relocated install), and the
 *   data folder of the configured install prefix.
 */
#ifndef QA_PATHS_H
#define QA_PATHS_H

/* The data root, or NULL when none is found (caller frees). */
char *paths_data_root(void);

/* Joins a root and a relative path (caller frees). */
char *paths_join(const char *root, const char *rel);

/* The folder of the running executable, or NULL (caller frees). */
char *paths_exe_dir(void);

#endif
