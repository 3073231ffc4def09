/* audio.c - sound effects (see audio.h).
 *
 * The synthesised effects peak at the same level but differ in loudness
 * (RMS from -8 dB for the time-out buzz to -19 dB for the jingles), so each
 * chunk gets a volume that evens them out around the quiet ones.
 */
#include "audio.h"
#include "../core/strbuf.h"
#include "../core/xalloc.h"

#include <SDL.h>
#include <SDL_mixer.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static const struct {
    const char *file;
    int volume; /* of MIX_MAX_VOLUME (128) */
} audio_sounds[SOUND_COUNT] = {
    [SOUND_NONE] = {NULL, 0},
    [SOUND_MOVE] = {"move.wav", 64},
    [SOUND_SELECT] = {"select.wav", 72},
    [SOUND_RIGHT] = {"right.wav", 128},
    [SOUND_WRONG] = {"wrong.wav", 92},
    [SOUND_TIMEOUT] = {"timeout.wav", 70},
    [SOUND_TICK] = {"tick.wav", 110},
    [SOUND_COMPLETE] = {"complete.wav", 128},
    [SOUND_HIGHSCORE] = {"highscore.wav", 128},
};

struct Audio {
    int open;
    int muted; /* nothing is played, not even at volume 0 */
    Mix_Chunk *chunks[SOUND_COUNT];
};

Audio *audio_open(const char *dir, char *err, size_t errlen)
{
    for (int i = 1; i < SOUND_COUNT; i++) {
        StrBuf path = {0};
        strbuf_printf(&path, "%s/%s", dir, audio_sounds[i].file);
        struct stat st;
        if (stat(strbuf_str(&path), &st) != 0) {
            snprintf(err, errlen, "missing sound %s", strbuf_str(&path));
            strbuf_free(&path);
            return NULL;
        }
        strbuf_free(&path);
    }
    Audio *a = xcalloc(1, sizeof *a);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 ||
        Mix_OpenAudio(44100, AUDIO_S16SYS, 2, 1024) != 0) {
        fprintf(stderr, "quizarcade: no audio device (%s); playing silently\n", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return a;
    }
    a->open = 1;
    Mix_AllocateChannels(8);
    for (int i = 1; i < SOUND_COUNT; i++) {
        StrBuf path = {0};
        strbuf_printf(&path, "%s/%s", dir, audio_sounds[i].file);
        a->chunks[i] = Mix_LoadWAV(strbuf_str(&path));
        if (!a->chunks[i]) {
            snprintf(err, errlen, "cannot read sound %s: %s", strbuf_str(&path), Mix_GetError());
            strbuf_free(&path);
            audio_close(a);
            return NULL;
        }
        Mix_VolumeChunk(a->chunks[i], audio_sounds[i].volume);
        strbuf_free(&path);
    }
    return a;
}

void audio_play(Audio *a, GameSound s)
{
    if (!a || !a->open || a->muted || s <= SOUND_NONE || s >= SOUND_COUNT || !a->chunks[s])
        return;
    Mix_PlayChannel(-1, a->chunks[s], 0);
}

void audio_apply(Audio *a, const Settings *s)
{
    if (!a || !a->open)
        return;
    a->muted = s->muted != 0;
    int v = s->muted ? 0 : (int)(s->volume * MIX_MAX_VOLUME / 100);
    Mix_Volume(-1, v);
}

int audio_active(const Audio *a)
{
    return a && a->open;
}

void audio_close(Audio *a)
{
    if (!a)
        return;
    if (a->open) {
        Mix_HaltChannel(-1);
        for (int i = 1; i < SOUND_COUNT; i++)
            if (a->chunks[i])
                Mix_FreeChunk(a->chunks[i]);
        Mix_CloseAudio();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    free(a);
}
