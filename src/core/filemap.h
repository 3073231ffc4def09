/* filemap.h - a file's bytes mapped into memory instead of read.
 *
 * Reading a large corpus copies every byte from the kernel's page cache
 * into a fresh buffer, page fault by page fault (3 MB: 1.3-2.3 ms, the
 * longest step before parsing can start). Mapping the file hands over the
 * cached pages themselves (0.14 ms). The mapping is private: bytes written
 * (the parser's guard bytes after the text) stay in this process.
 *
 * A mapped file that is cut short while mapped (truncated by another
 * program) would kill the process with SIGBUS on the next read of a page
 * past its new end. While any file is mapped, a SIGBUS handler puts pages
 * of zeros in place of the missing ones instead, and filemap_close says the
 * file was cut short. Faults elsewhere go to the handler there was before.
 */
#ifndef QA_FILEMAP_H
#define QA_FILEMAP_H

#include <stddef.h>

/* Files smaller than this are read: for them a copy costs no more. */
enum { FILEMAP_MIN_BYTES = 64 * 1024 };

/* Maps len bytes of the open regular file fd (its size when asked), then
 * at least slack writable bytes of zeros. Returns the bytes, or NULL when
 * the file cannot be mapped (the caller reads it instead). fd may be closed
 * once this returns. */
char *filemap_open(int fd, size_t len, size_t slack);

/* Unmaps bytes from filemap_open(fd, len, slack). Returns 1 when the file
 * was cut short while mapped (the missing bytes read as zeros), else 0. */
int filemap_close(char *bytes, size_t len, size_t slack);

#endif
