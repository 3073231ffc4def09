/* audio.h - the game's sound effects through SDL_mixer.
 *
 * With no audio device the game plays silently after one warning line;
 * every call below is then harmless.
 */
#ifndef QA_SHELL_AUDIO_H
#define QA_SHELL_AUDIO_H

#include "../core/game.h"
#include "../core/profile.h"

typedef struct Audio Audio;

/* Checks that every sound file of dir (assets/sounds) exists (a missing
 * one is named in err, and NULL is returned), then opens the device if
 * there is one. */
Audio *audio_open(const char *dir, char *err, size_t errlen);
void audio_play(Audio *a, GameSound s);
/* Applies volume and mute (muted, nothing is played). */
void audio_apply(Audio *a, const Settings *s);
int audio_active(const Audio *a);
void audio_close(Audio *a);

#endif
