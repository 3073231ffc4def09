/* save.h - the player's profile on disk: a versioned text file.
 *
 * The format (documented in the README) is one record per line:
 *
 *   quizarcade-save 1
 *   setting volume 80
 *   setting muted 0
 *   setting fullscreen 0
 *   setting timer on|relaxed|off
 *   initials ABC
 *   daily 2026-11-24 [TABLE NAME...]   (no table: PROFILE_DAILY_TABLE)
 *   level STARS PASSED BEST LEVEL TOPIC NAME...
 *   score SCORE ACCURACY DATE INITIALS TABLE NAME...
 *   history HASH SEEN RIGHT WRONG SLOW DATE
 *   end RECORDS CHECKSUM
 *
 * Lines starting with '#' are comments. The end line counts the records
 * and carries an FNV-1a checksum of everything before it, so a truncated
 * or damaged file is noticed; a person editing the file may drop the
 * checksum ("end" alone).
 *
 * Writing is atomic: a temporary file in the same folder, fsync, rename,
 * fsync of the folder. A crash or power cut during a save leaves the
 * previous file whole. A damaged, truncated, binary or unknown-version file
 * is never used and never overwritten: it is kept aside under the first free
 * name among FILE.bak, FILE.bak.2 ... FILE.bak.1000 (an existing backup is
 * never replaced), reported in one line, and the game starts fresh. When
 * every name is taken, the file stays where it is and save_load returns
 * SAVE_FAILED: the caller must then save nothing.
 */
#ifndef QA_SAVE_H
#define QA_SAVE_H

#include "diag.h"
#include "profile.h"
#include "strbuf.h"

#include <stddef.h>

enum { SAVE_VERSION = 1, SAVE_MAX_BYTES = 16 << 20, SAVE_HISTORY_MAX = 20000 };
/* Backup names tried for a damaged file: FILE.bak, FILE.bak.2 ... up to
 * FILE.bak.SAVE_BACKUP_MAX. */
enum { SAVE_BACKUP_MAX = 1000 };

typedef enum SaveStatus {
    SAVE_LOADED,  /* the file was read */
    SAVE_NEW,     /* there was no file: a fresh profile */
    SAVE_DAMAGED, /* kept aside (see backup): a fresh profile */
    SAVE_FAILED   /* unreadable, or damaged and could not be kept aside: a
                     fresh profile, the file is left alone, and the caller
                     must not save over it */
} SaveStatus;

/* Writes a profile as text into out. */
void save_format(const Profile *p, StrBuf *out);

/* Reads text into p (which should be fresh). Returns 0, or -1 when the
 * text is damaged (every problem reported to diag as NAME:LINE). */
int save_parse(const char *name, const char *text, size_t len, Profile *p, Diagnostics *diag);

/* Loads the profile at path into *out (always a usable profile). When the
 * file is damaged it is renamed to the first free backup name (never over
 * an existing file), and backup receives the new name. For SAVE_FAILED the
 * first message added to diag says why, in one line. */
SaveStatus save_load(const char *path, Profile **out, Diagnostics *diag, char *backup,
                     size_t backup_size);

/* Writes the profile atomically. Returns 0, or -1 with a message in err. */
int save_write(const char *path, const Profile *p, StrBuf *err);

#endif
