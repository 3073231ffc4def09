/* md4c_floor.c - the floor for reading a corpus: read the file and run md4c
 * over it with empty callbacks, nothing else. tools/bench compares the
 * game's --list-topics against this.
 *
 *   md4c_floor FILE [REPEAT]
 */
#include <md4c.h>

#include <stdio.h>
#include <stdlib.h>

static int floor_block(MD_BLOCKTYPE t, void *d, void *u)
{
    (void)t, (void)d, (void)u;
    return 0;
}

static int floor_span(MD_SPANTYPE t, void *d, void *u)
{
    (void)t, (void)d, (void)u;
    return 0;
}

static int floor_text(MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u)
{
    (void)t, (void)s, (void)n, (void)u;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 1;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size)
        return 1;
    fclose(f);
    int repeat = argc > 2 ? atoi(argv[2]) : 1;
    MD_PARSER p = {0};
    p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
    p.enter_block = floor_block;
    p.leave_block = floor_block;
    p.enter_span = floor_span;
    p.leave_span = floor_span;
    p.text = floor_text;
    int rc = 0;
    for (int i = 0; i < repeat; i++)
        rc |= md_parse(buf, (MD_SIZE)size, &p, NULL);
    free(buf);
    return rc;
}
