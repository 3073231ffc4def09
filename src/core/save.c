/* save.c - the player's profile on disk (see save.h). */
#include "save.h"
#include "hash.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static const char *const save_timer_names[3] = {"on", "relaxed", "off"};

/* History entries, most recently seen first (for the cap). */
static const Profile *save_sort_profile;

static int save_cmp_history(const void *a, const void *b)
{
    const QuestionRecord *x = profile_history_at(save_sort_profile, *(const size_t *)a);
    const QuestionRecord *y = profile_history_at(save_sort_profile, *(const size_t *)b);
    if (x->last_day != y->last_day)
        return x->last_day > y->last_day ? -1 : 1;
    return (x->hash > y->hash) - (x->hash < y->hash);
}

void save_format(const Profile *p, StrBuf *out)
{
    size_t start = out->len;
    size_t records = 0;
    const Settings *s = profile_settings_const(p);
    strbuf_printf(out, "# Quiz Arcade saved data. The format is described in README.md.\n"
                       "# Editing by hand is fine: then remove the checksum from the last line.\n"
                       "quizarcade-save %d\n", SAVE_VERSION);
    strbuf_printf(out, "setting volume %u\nsetting muted %d\nsetting fullscreen %d\n"
                       "setting timer %s\n",
                  s->volume, s->muted ? 1 : 0, s->fullscreen ? 1 : 0,
                  save_timer_names[s->timer % 3]);
    strbuf_printf(out, "initials %s\n", profile_initials(p));
    records += 5;
    for (size_t i = 0; i < profile_daily_count(p); i++) {
        uint32_t d;
        const char *table = profile_daily_at(p, i, &d);
        if (!d)
            continue;
        char day[11];
        profile_day_string(d, day);
        /* The shipped corpus's table is left out, as before packs had theirs. */
        if (strcmp(table, PROFILE_DAILY_TABLE) == 0)
            strbuf_printf(out, "daily %s\n", day);
        else
            strbuf_printf(out, "daily %s %s\n", day, table);
        records++;
    }
    for (size_t i = 0; i < profile_level_count(p); i++) {
        const char *topic;
        unsigned level;
        const LevelRecord *r = profile_level_at(p, i, &topic, &level);
        strbuf_printf(out, "level %u %d %u %u %s\n", r->stars, r->passed ? 1 : 0, r->best_score,
                      level, topic);
        records++;
    }
    for (size_t t = 0; t < profile_table_count(p); t++) {
        const char *name = profile_table_name(p, t);
        const HighScore *e;
        size_t n = profile_table(p, name, &e);
        for (size_t i = 0; i < n; i++) {
            strbuf_printf(out, "score %" PRIu32 " %u %s %s %s\n", e[i].score, e[i].accuracy,
                          e[i].date, e[i].initials, name);
            records++;
        }
    }
    size_t hn = profile_history_count(p);
    size_t *order = xmalloc((hn ? hn : 1) * sizeof *order);
    for (size_t i = 0; i < hn; i++)
        order[i] = i;
    save_sort_profile = p;
    if (hn > 1)
        qsort(order, hn, sizeof *order, save_cmp_history);
    save_sort_profile = NULL;
    for (size_t i = 0; i < hn && i < SAVE_HISTORY_MAX; i++) {
        const QuestionRecord *r = profile_history_at(p, order[i]);
        char day[11];
        profile_day_string(r->last_day, day);
        strbuf_printf(out, "history %016" PRIx64 " %u %u %u %u %s\n", r->hash, r->seen, r->right,
                      r->wrong, r->slow, day);
        records++;
    }
    free(order);
    uint64_t sum = hash_bytes(HASH_SEED, out->data + start, out->len - start);
    strbuf_printf(out, "end %zu %016" PRIx64 "\n", records, sum);
}

/* ---- parsing ---- */

typedef struct SaveParse {
    const char *name;
    Diagnostics *diag;
    unsigned line;
    int errors;
} SaveParse;

static void save_error(SaveParse *sp, const char *what, const char *detail)
{
    sp->errors++;
    diag_add(sp->diag, DIAG_ERROR, sp->name, sp->line, "%s%s%s", what, detail ? ": " : "",
             detail ? detail : "");
}

/* Splits off the next space-separated word; returns NULL at the end. */
static char *save_word(char **p)
{
    char *s = *p;
    while (*s == ' ')
        s++;
    if (!*s)
        return NULL;
    char *w = s;
    while (*s && *s != ' ')
        s++;
    if (*s)
        *s++ = '\0';
    *p = s;
    return w;
}

static int save_uint(const char *w, unsigned long long max, unsigned long long *out)
{
    if (!w || !*w)
        return -1;
    for (const char *c = w; *c; c++)
        if (*c < '0' || *c > '9')
            return -1;
    errno = 0;
    unsigned long long v = strtoull(w, NULL, 10);
    if (errno || v > max)
        return -1;
    *out = v;
    return 0;
}

static int save_initials_ok(const char *w)
{
    if (!w || strlen(w) != 3)
        return 0;
    for (int i = 0; i < 3; i++)
        if (!((w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= '0' && w[i] <= '9')))
            return 0;
    return 1;
}

/* One record line (already split from the text, NUL-terminated, no line
 * break). Returns 1 for a record, 0 for nothing, -1 for the end line. */
static int save_record(SaveParse *sp, char *line, Profile *p, size_t records,
                       uint64_t sum_before, int *ended)
{
    char *rest = line;
    char *kind = save_word(&rest);
    unsigned long long a, b, c, d;
    if (!kind)
        return 0;
    if (strcmp(kind, "setting") == 0) {
        char *key = save_word(&rest), *value = save_word(&rest);
        Settings *s = profile_settings(p);
        if (!key || !value || save_word(&rest)) {
            save_error(sp, "a setting needs a name and one value", NULL);
        } else if (strcmp(key, "volume") == 0) {
            if (save_uint(value, 100, &a) != 0)
                save_error(sp, "volume must be a whole number from 0 to 100", value);
            else
                s->volume = (unsigned)a;
        } else if (strcmp(key, "muted") == 0 || strcmp(key, "fullscreen") == 0) {
            if (save_uint(value, 1, &a) != 0)
                save_error(sp, "expected 0 or 1", value);
            else if (key[0] == 'm')
                s->muted = (int)a;
            else
                s->fullscreen = (int)a;
        } else if (strcmp(key, "timer") == 0) {
            int found = 0;
            for (int t = 0; t < 3; t++)
                if (strcmp(value, save_timer_names[t]) == 0) {
                    s->timer = (TimerMode)t;
                    found = 1;
                }
            if (!found)
                save_error(sp, "timer must be on, relaxed or off", value);
        } else {
            save_error(sp, "unknown setting", key);
        }
        return 1;
    }
    if (strcmp(kind, "initials") == 0) {
        char *w = save_word(&rest);
        if (!save_initials_ok(w) || save_word(&rest))
            save_error(sp, "initials must be three letters or digits", w);
        else
            profile_set_initials(p, w);
        return 1;
    }
    if (strcmp(kind, "daily") == 0) {
        char *w = save_word(&rest);
        uint32_t day;
        while (*rest == ' ')
            rest++;
        if (!w || profile_day_parse(w, &day) != 0)
            save_error(sp, "daily needs a date YYYY-MM-DD", w);
        else
            profile_set_daily_day(p, *rest ? rest : PROFILE_DAILY_TABLE, day);
        return 1;
    }
    if (strcmp(kind, "level") == 0) {
        char *ws = save_word(&rest), *wp = save_word(&rest), *wb = save_word(&rest),
             *wl = save_word(&rest);
        while (*rest == ' ')
            rest++;
        if (save_uint(ws, 3, &a) || save_uint(wp, 1, &b) || save_uint(wb, UINT32_MAX, &c) ||
            save_uint(wl, 12, &d) || d == 0 || !*rest)
            save_error(sp, "a level record is: level STARS PASSED BEST LEVEL TOPIC", NULL);
        else
            profile_record_level(p, rest, (unsigned)d, (unsigned)c, (unsigned)a, (int)b);
        return 1;
    }
    if (strcmp(kind, "score") == 0) {
        char *wsc = save_word(&rest), *wa = save_word(&rest), *wd = save_word(&rest),
             *wi = save_word(&rest);
        while (*rest == ' ')
            rest++;
        uint32_t day;
        if (save_uint(wsc, UINT32_MAX, &a) || a == 0 || save_uint(wa, 100, &b) || !wd ||
            profile_day_parse(wd, &day) || !save_initials_ok(wi) || !*rest) {
            save_error(sp, "a score record is: score SCORE ACCURACY DATE INITIALS TABLE", NULL);
            return 1;
        }
        HighScore e;
        memset(&e, 0, sizeof e);
        e.score = (uint32_t)a;
        e.accuracy = (unsigned)b;
        memcpy(e.date, wd, 10);
        memcpy(e.initials, wi, 3);
        if (profile_insert(p, rest, &e) < 0)
            save_error(sp, "more than ten scores, or scores out of order, in table", rest);
        return 1;
    }
    if (strcmp(kind, "history") == 0) {
        char *wh = save_word(&rest);
        unsigned long long v[4];
        int bad = !wh || strlen(wh) != 16;
        for (int i = 0; i < 4 && !bad; i++)
            bad = save_uint(save_word(&rest), UINT32_MAX, &v[i]) != 0;
        char *wd = bad ? NULL : save_word(&rest);
        uint32_t day = 0;
        bad = bad || !wd || profile_day_parse(wd, &day) != 0 || save_word(&rest);
        char *end = NULL;
        uint64_t hash = bad ? 0 : strtoull(wh, &end, 16);
        if (bad || !end || *end) {
            save_error(sp, "a history record is: history HASH SEEN RIGHT WRONG SLOW DATE", NULL);
            return 1;
        }
        QuestionRecord r = {hash, (unsigned)v[0], (unsigned)v[1], (unsigned)v[2], (unsigned)v[3],
                            day};
        profile_history_put(p, &r);
        return 1;
    }
    if (strcmp(kind, "end") == 0) {
        char *wn = save_word(&rest), *wc = save_word(&rest);
        *ended = 1;
        if (save_uint(wn, SIZE_MAX, &a) != 0 || a != records) {
            char want[32];
            snprintf(want, sizeof want, "%zu records before it", records);
            save_error(sp, "the end line does not count the records (damaged or cut file)", want);
        } else if (wc) {
            char *e = NULL;
            uint64_t sum = strtoull(wc, &e, 16);
            if (!e || *e || strlen(wc) != 16 || sum != sum_before)
                save_error(sp, "checksum mismatch: the file was changed or damaged "
                               "(remove the checksum after editing by hand)", NULL);
        }
        if (save_word(&rest))
            save_error(sp, "unexpected words after the end", NULL);
        return -1;
    }
    save_error(sp, "unknown record", kind);
    return 1;
}

int save_parse(const char *name, const char *text, size_t len, Profile *p, Diagnostics *diag)
{
    SaveParse sp = {name, diag, 0, 0};
    if (len > SAVE_MAX_BYTES) {
        diag_add(diag, DIAG_ERROR, name, 0, "too large for a save file (%zu bytes)", len);
        return -1;
    }
    if (memchr(text, '\0', len)) {
        diag_add(diag, DIAG_ERROR, name, 0, "binary data, not a Quiz Arcade save file");
        return -1;
    }
    int seen_header = 0, ended = 0;
    size_t records = 0;
    /* The checksum of text[0, summed), extended line by line. */
    uint64_t sum = HASH_SEED;
    size_t summed = 0;
    StrBuf line = {0};
    size_t pos = 0;
    while (pos < len && sp.errors < 20) {
        size_t start = pos;
        while (pos < len && text[pos] != '\n')
            pos++;
        size_t n = pos - start;
        int has_newline = pos < len;
        if (has_newline)
            pos++;
        sp.line++;
        /* CRLF endings, and any stray CR before the newline: a name never
         * ends with one, or it would not read back the same after a save. */
        while (n > 0 && text[start + n - 1] == '\r')
            n--;
        strbuf_clear(&line);
        strbuf_append(&line, text + start, n);
        char *l = line.data;
        while (*l == ' ' || *l == '\t')
            l++;
        if (*l == '\0' || *l == '#')
            continue;
        if (ended) {
            save_error(&sp, "records after the end line", NULL);
            break;
        }
        if (!seen_header) {
            int version = 0;
            char extra;
            if (sscanf(l, "quizarcade-save %d %c", &version, &extra) != 1) {
                save_error(&sp, "not a Quiz Arcade save file (no \"quizarcade-save 1\" line)", NULL);
                break;
            }
            if (version != SAVE_VERSION) {
                char v[48];
                snprintf(v, sizeof v, "version %d; this game reads version %d", version,
                         SAVE_VERSION);
                save_error(&sp, "unknown save format", v);
                break;
            }
            seen_header = 1;
            continue;
        }
        if (!has_newline) {
            save_error(&sp, "the last line is cut short (damaged or cut file)", NULL);
            break;
        }
        sum = hash_bytes(sum, text + summed, start - summed);
        summed = start;
        int r = save_record(&sp, l, p, records, sum, &ended);
        if (r > 0)
            records++;
    }
    strbuf_free(&line);
    if (!sp.errors && !seen_header) {
        sp.line = 0;
        save_error(&sp, "empty: not a Quiz Arcade save file", NULL);
    } else if (!sp.errors && !ended) {
        sp.line++;
        save_error(&sp, "no end line: the file is cut short", NULL);
    }
    return sp.errors ? -1 : 0;
}

/* ---- files ---- */

static char *save_read(const char *path, size_t *len, int *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = errno;
        return NULL;
    }
    StrBuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= SAVE_MAX_BYTES)
        strbuf_append(&b, chunk, n);
    int failed = ferror(f);
    *err = failed ? EIO : 0;
    fclose(f);
    if (failed) {
        strbuf_free(&b);
        return NULL;
    }
    *len = b.len;
    return strbuf_take(&b);
}

/* Copies from to a new file `to`, created exclusively (O_EXCL: never an
 * existing one, even one made a moment ago by someone else), synced, then
 * removes from. Returns 0 when moved, 1 when `to` exists, -1 on another
 * error (errno set; from is left whole and `to` is not left behind). */
static int save_copy_aside(const char *from, const char *to)
{
    int in = open(from, O_RDONLY);
    if (in < 0)
        return -1;
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (out < 0) {
        int e = errno;
        close(in);
        errno = e;
        return e == EEXIST ? 1 : -1;
    }
    char buf[65536];
    int e = 0;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            e = errno;
        if (n <= 0)
            break;
        for (ssize_t done = 0; done < n && !e;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                e = w < 0 ? errno : EIO;
            else
                done += w;
        }
        if (e)
            break;
    }
    if (!e && fsync(out) != 0)
        e = errno;
    if (close(out) != 0 && !e)
        e = errno;
    close(in);
    if (!e) {
        if (unlink(from) == 0)
            return 0;
        e = errno;
    }
    unlink(to); /* undo: the damaged file stays where it was */
    errno = e;
    return -1;
}

/* Moves from to `to` only if `to` does not exist: a hard link then an
 * unlink, so an existing file is never replaced, even by a race. On a file
 * system without hard links (FAT on a memory card), an exclusive copy,
 * which is just as safe. Returns 0 when moved, 1 when `to` exists, -1 on
 * another error (errno set). */
static int save_move_aside(const char *from, const char *to)
{
    if (link(from, to) == 0) {
        if (unlink(from) == 0)
            return 0;
        int e = errno;
        unlink(to); /* undo: the damaged file stays where it was */
        errno = e;
        return -1;
    }
    if (errno == EEXIST)
        return 1;
    if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != ENOSYS &&
        errno != EMLINK)
        return -1;
    return save_copy_aside(from, to);
}

static void save_copy_diags(Diagnostics *to, const Diagnostics *from)
{
    for (size_t i = 0; i < diag_count(from); i++) {
        const Diag *g = diag_get(from, i);
        diag_add(to, g->level, g->file, g->line, "%s", g->message);
    }
}

SaveStatus save_load(const char *path, Profile **out, Diagnostics *diag, char *backup,
                     size_t backup_size)
{
    *out = profile_new();
    if (backup_size)
        backup[0] = '\0';
    size_t len = 0;
    int err = 0;
    char *text = save_read(path, &len, &err);
    if (!text) {
        if (err == ENOENT)
            return SAVE_NEW;
        diag_add(diag, DIAG_ERROR, path, 0, "cannot read: %s", strerror(err));
        return SAVE_FAILED;
    }
    /* The parse's messages are held back: when the damaged file cannot be
     * kept aside, the first message must say so (the caller shows one). */
    Diagnostics *found = diag_new();
    int parsed = save_parse(path, text, len, *out, found);
    free(text);
    if (parsed == 0) {
        save_copy_diags(diag, found);
        diag_free(found);
        return SAVE_LOADED;
    }
    profile_free(*out);
    *out = profile_new();
    /* Keep the damaged file aside under the first free name; an existing
     * backup is never replaced. */
    StrBuf name = {0};
    int kept = 0, last = 0, err_aside = 0;
    for (int i = 1; i <= SAVE_BACKUP_MAX && !kept && !err_aside; i++) {
        strbuf_clear(&name);
        if (i == 1)
            strbuf_printf(&name, "%s.bak", path);
        else
            strbuf_printf(&name, "%s.bak.%d", path, i);
        last = i;
        int r = save_move_aside(path, strbuf_str(&name));
        if (r == 0)
            kept = 1;
        else if (r < 0)
            err_aside = errno;
    }
    if (!kept) {
        /* Nor is a fresh profile saved over the damaged file: it stays
         * where it is, and SAVE_FAILED tells the caller to save nothing. */
        const Diag *why = diag_count(found) ? diag_get(found, 0) : NULL;
        StrBuf reason = {0};
        if (why && why->line)
            strbuf_printf(&reason, "line %u: %s", why->line, why->message);
        else
            strbuf_puts(&reason, why ? why->message : "unreadable");
        if (err_aside)
            diag_add(diag, DIAG_ERROR, path, 0,
                     "damaged (%s) and cannot be kept aside (%s); left as it is",
                     strbuf_str(&reason), strerror(err_aside));
        else
            diag_add(diag, DIAG_ERROR, path, 0,
                     "damaged (%s) and cannot be kept aside: %s.bak to .bak.%d all exist "
                     "(move some away); left as it is",
                     strbuf_str(&reason), path, last);
        strbuf_free(&reason);
    }
    save_copy_diags(diag, found);
    diag_free(found);
    if (kept && backup_size)
        snprintf(backup, backup_size, "%s", strbuf_str(&name));
    strbuf_free(&name);
    return kept ? SAVE_DAMAGED : SAVE_FAILED;
}

int save_write(const char *path, const Profile *p, StrBuf *err)
{
    StrBuf text = {0}, tmp = {0};
    save_format(p, &text);
    strbuf_printf(&tmp, "%s.tmp", path);
    int rc = -1;
    int fd = open(strbuf_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        strbuf_printf(err, "%s: cannot write: %s", strbuf_str(&tmp), strerror(errno));
        goto out;
    }
    size_t done = 0;
    while (done < text.len) {
        ssize_t n = write(fd, text.data + done, text.len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            strbuf_printf(err, "%s: cannot write: %s", strbuf_str(&tmp), strerror(errno));
            close(fd);
            unlink(strbuf_str(&tmp));
            goto out;
        }
        done += (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        strbuf_printf(err, "%s: cannot write: %s", strbuf_str(&tmp), strerror(errno));
        unlink(strbuf_str(&tmp));
        goto out;
    }
    if (rename(strbuf_str(&tmp), path) != 0) {
        strbuf_printf(err, "%s: cannot replace: %s", path, strerror(errno));
        unlink(strbuf_str(&tmp));
        goto out;
    }
    /* The rename itself must reach the disk too. */
    StrBuf dir = {0};
    const char *slash = strrchr(path, '/');
    if (slash)
        strbuf_append(&dir, path, slash == path ? 1 : (size_t)(slash - path));
    else
        strbuf_puts(&dir, ".");
    int dfd = open(strbuf_str(&dir), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    strbuf_free(&dir);
    rc = 0;
out:
    strbuf_free(&text);
    strbuf_free(&tmp);
    return rc;
}
