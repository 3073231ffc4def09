/* cpus.h - how many threads the corpus loader may use.
 *
 * Loading a large pack parses on a second thread, and both threads read
 * words for placement when they would wait for each other (mdtree.h,
 * placement.h). On a single processor the second thread would only add
 * switching, so it is used only when more than one is online.
 * QA_THREADS=1 in the environment keeps everything on the caller's thread
 * (to measure, or to compare both ways in tests).
 */
#ifndef QA_CPUS_H
#define QA_CPUS_H

/* Processors online, at least 1; or QA_THREADS when it is a number >= 1. */
int cpus_for_loading(void);

#endif
