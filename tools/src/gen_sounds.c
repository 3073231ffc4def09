/*
 * gen_sounds.c - deterministic sound-effect synthesiser for Quiz Arcade.
 *
 * Generates the game's short retro-arcade sound effects (move, select,
 * right, wrong, timeout, tick, complete, highscore) as 16-bit signed
 * little-endian PCM, mono, 44100 Hz WAV files in the directory given as the
 * only argument.  The directory must already exist.
 *
 *     gcc -std=c17 -O2 -Wall -Wextra -Wpedantic -o gen_sounds tools/src/gen_sounds.c -lm
 *     ./gen_sounds assets/sounds
 *
 * All synthesis is integer fixed-point arithmetic (own sine polynomial, own
 * LCG noise, no rand(), no floating point), so the output is byte-identical
 * on every run, compiler and machine.  Every sound is peak-normalised to
 * -3 dBFS and gets a short fade-in/out against clicks.  Exits non-zero with
 * a message on any error.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE_RATE 44100u
#define Q16_ONE 65536
#define OSC_MAX 32767
#define PEAK_TARGET 23197 /* 32767 * 10^(-3/20), i.e. -3 dBFS */
#define WAV_HEADER_SIZE 44u

typedef enum {
    WAVE_SINE,
    WAVE_TRIANGLE,
    WAVE_SQUARE,
    WAVE_PULSE25,
    WAVE_SAW,
    WAVE_NOISE
} Wave;

/* ADSR envelope; sustain is Q16, times in milliseconds. */
typedef struct {
    uint32_t attack_ms;
    uint32_t decay_ms;
    int32_t sustain;
    uint32_t release_ms;
    int percussive; /* square the envelope for a snappier decay */
} Env;

/* One oscillator voice; frequencies in millihertz, gains Q16. */
typedef struct {
    Wave wave;
    uint32_t start_ms;
    uint32_t dur_ms;
    uint32_t freq0_mhz; /* frequency at the start (linear sweep) */
    uint32_t freq1_mhz; /* frequency at the end */
    int32_t gain;
    Env env;
    uint32_t vib_rate_mhz; /* vibrato LFO rate, 0 = off */
    int32_t vib_depth;     /* vibrato depth as Q16 fraction of frequency */
} Tone;

/* Mono mix buffer of int32 samples (headroom before normalisation). */
typedef struct {
    int32_t *data;
    size_t len;
} Buffer;

typedef void (*SoundBuildFn)(Buffer *b);

typedef struct {
    const char *name;
    uint32_t dur_ms;
    uint32_t fade_in_ms;
    uint32_t fade_out_ms;
    SoundBuildFn build;
} SoundDef;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static size_t time_to_samples(uint32_t ms)
{
    return (size_t)((uint64_t)ms * SAMPLE_RATE / 1000u);
}

/* Equal-tempered frequency (millihertz) of a MIDI note, A4 = 69 = 440 Hz. */
static uint32_t note_to_mhz(int midi)
{
    static const uint32_t octave4[12] = {
        261626, 277183, 293665, 311127, 329628, 349228,
        369994, 391995, 415305, 440000, 466164, 493883
    };
    int octave = midi / 12 - 5;
    uint32_t f = octave4[midi % 12];
    return octave >= 0 ? f << octave : f >> -octave;
}

/* Phase increment per sample for a frequency in millihertz (2^32 = 1 cycle). */
static uint32_t osc_increment(int64_t freq_mhz)
{
    if (freq_mhz <= 0) {
        return 0;
    }
    return (uint32_t)(((uint64_t)freq_mhz << 32) / (SAMPLE_RATE * 1000u));
}

/* ------------------------------------------------------------------ */
/* Oscillators (all return roughly -32767..32767)                      */
/* ------------------------------------------------------------------ */

/* Fixed-point sine: 5th-order odd polynomial on a folded quarter wave. */
static int32_t osc_sine(uint32_t phase)
{
    /* Q14 constants: pi/2, pi - 5/2, pi/2 - 3/2 */
    const int64_t a = 25736, b = 10512, c = 1160;
    int32_t p = (int32_t)(phase >> 16); /* 0..65535 = one cycle */
    int32_t x;                          /* -16384..16384 = -pi/2..pi/2 */
    if (p < 16384) {
        x = p;
    } else if (p < 49152) {
        x = 32768 - p;
    } else {
        x = p - 65536;
    }
    int neg = x < 0;
    int64_t ax = neg ? -(int64_t)x : x;
    int64_t x2 = ax * ax / 16384;
    int64_t t = a - (b - c * x2 / 16384) * x2 / 16384;
    int64_t y = ax * t / 8192; /* Q15 */
    if (y > OSC_MAX) {
        y = OSC_MAX;
    }
    return (int32_t)(neg ? -y : y);
}

static int32_t osc_triangle(uint32_t phase)
{
    int32_t v = (int32_t)(phase >> 15); /* 0..131071 */
    int32_t t = v < 65536 ? v - 32768 : 98304 - v;
    return t > OSC_MAX ? OSC_MAX : t;
}

/* Next value of the deterministic noise LCG (Numerical Recipes constants). */
static int32_t osc_noise(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return (int32_t)(*state >> 16) - 32768;
}

static int32_t osc_sample(Wave wave, uint32_t phase, uint32_t *rng)
{
    switch (wave) {
    case WAVE_SINE:
        return osc_sine(phase);
    case WAVE_TRIANGLE:
        return osc_triangle(phase);
    case WAVE_SQUARE:
        return phase < 0x80000000u ? OSC_MAX : -OSC_MAX;
    case WAVE_PULSE25: /* zero-mean: +3/4 for a quarter, -1/4 otherwise */
        return phase < 0x40000000u ? 24575 : -8192;
    case WAVE_SAW:
        return (int32_t)(phase >> 16) - 32768;
    case WAVE_NOISE:
        return osc_noise(rng);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Envelope and tone synthesis                                         */
/* ------------------------------------------------------------------ */

/* Envelope gain (Q16) at sample i of a note that lasts n samples. */
static int64_t env_gain(const Env *env, size_t i, size_t n)
{
    size_t a = time_to_samples(env->attack_ms);
    size_t d = time_to_samples(env->decay_ms);
    size_t r = time_to_samples(env->release_ms);
    int64_t level = env->sustain;
    if (i < a) {
        level = (int64_t)i * Q16_ONE / (int64_t)a;
    } else if (i < a + d) {
        level = Q16_ONE - (Q16_ONE - env->sustain) * (int64_t)(i - a) / (int64_t)d;
    }
    if (r > n) {
        r = n;
    }
    if (r > 0 && i >= n - r) {
        level = level * (int64_t)(n - i) / (int64_t)r;
    }
    if (env->percussive) {
        level = level * level / Q16_ONE;
    }
    return level;
}

/* Instantaneous frequency (millihertz): linear sweep plus vibrato. */
static int64_t synth_freq(const Tone *t, size_t i, size_t n, uint32_t lfo_phase)
{
    int64_t f0 = t->freq0_mhz, f1 = t->freq1_mhz;
    int64_t f = f0 + (f1 - f0) * (int64_t)i / (int64_t)n;
    if (t->vib_rate_mhz > 0) {
        int64_t lfo = osc_sine(lfo_phase);
        f += f * t->vib_depth / Q16_ONE * lfo / OSC_MAX;
    }
    return f;
}

/* Mix one tone into the buffer. */
static void synth_tone(Buffer *b, const Tone *t)
{
    size_t start = time_to_samples(t->start_ms);
    size_t n = time_to_samples(t->dur_ms);
    uint32_t phase = 0, lfo_phase = 0, rng = 0x2545F491u;
    uint32_t lfo_inc = osc_increment(t->vib_rate_mhz);
    for (size_t i = 0; i < n && start + i < b->len; i++) {
        int64_t s = osc_sample(t->wave, phase, &rng);
        s = s * env_gain(&t->env, i, n) / Q16_ONE;
        b->data[start + i] += (int32_t)(s * t->gain / Q16_ONE);
        phase += osc_increment(synth_freq(t, i, n, lfo_phase));
        lfo_phase += lfo_inc;
    }
}

/* Mix a fixed-pitch note given as a MIDI number. */
static void synth_note(Buffer *b, Wave wave, int midi, uint32_t start_ms,
                       uint32_t dur_ms, int32_t gain, const Env *env)
{
    Tone t = {
        .wave = wave, .start_ms = start_ms, .dur_ms = dur_ms,
        .freq0_mhz = note_to_mhz(midi), .freq1_mhz = note_to_mhz(midi),
        .gain = gain, .env = *env
    };
    synth_tone(b, &t);
}

/* ------------------------------------------------------------------ */
/* Buffer processing                                                   */
/* ------------------------------------------------------------------ */

static int buffer_init(Buffer *b, uint32_t dur_ms)
{
    b->len = time_to_samples(dur_ms);
    b->data = calloc(b->len, sizeof *b->data);
    return b->data != NULL;
}

static void buffer_free(Buffer *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

/* One-pole low-pass; coeff is Q16 (approx. 1 - exp(-2*pi*fc/fs)). */
static void buffer_lowpass(Buffer *b, int32_t coeff)
{
    int64_t y = 0;
    for (size_t i = 0; i < b->len; i++) {
        y += ((int64_t)b->data[i] - y) * coeff / Q16_ONE;
        b->data[i] = (int32_t)y;
    }
}

/* Two cascaded one-pole low-passes (12 dB/octave) against aliasing. */
static void buffer_lowpass2(Buffer *b, int32_t coeff)
{
    buffer_lowpass(b, coeff);
    buffer_lowpass(b, coeff);
}

/* One-pole high-pass (input minus its low-passed copy). */
static void buffer_highpass(Buffer *b, int32_t coeff)
{
    int64_t y = 0;
    for (size_t i = 0; i < b->len; i++) {
        y += ((int64_t)b->data[i] - y) * coeff / Q16_ONE;
        b->data[i] = (int32_t)(b->data[i] - y);
    }
}

/* Linear fade-in and fade-out at the buffer edges. */
static void buffer_fade(Buffer *b, uint32_t in_ms, uint32_t out_ms)
{
    size_t fin = time_to_samples(in_ms), fout = time_to_samples(out_ms);
    for (size_t i = 0; i < fin && i < b->len; i++) {
        b->data[i] = (int32_t)((int64_t)b->data[i] * (int64_t)i / (int64_t)fin);
    }
    for (size_t i = 0; i < fout && i < b->len; i++) {
        size_t k = b->len - 1 - i;
        b->data[k] = (int32_t)((int64_t)b->data[k] * (int64_t)i / (int64_t)fout);
    }
}

/* Scale so that the largest absolute sample equals peak. */
static void buffer_normalize(Buffer *b, int32_t peak)
{
    int64_t max = 0;
    for (size_t i = 0; i < b->len; i++) {
        int64_t v = b->data[i] < 0 ? -(int64_t)b->data[i] : b->data[i];
        if (v > max) {
            max = v;
        }
    }
    if (max == 0) {
        return;
    }
    for (size_t i = 0; i < b->len; i++) {
        b->data[i] = (int32_t)((int64_t)b->data[i] * peak / max);
    }
}

/* ------------------------------------------------------------------ */
/* WAV output                                                          */
/* ------------------------------------------------------------------ */

static void wav_put_u16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v & 0xFFu);
    p[1] = (uint8_t)((v >> 8) & 0xFFu);
}

static void wav_put_u32(uint8_t *p, uint32_t v)
{
    wav_put_u16(p, v & 0xFFFFu);
    wav_put_u16(p + 2, v >> 16);
}

/* Canonical 44-byte RIFF/WAVE header for 16-bit mono PCM. */
static void wav_fill_header(uint8_t *h, uint32_t data_bytes)
{
    memcpy(h, "RIFF", 4);
    wav_put_u32(h + 4, 36u + data_bytes);
    memcpy(h + 8, "WAVE", 4);
    memcpy(h + 12, "fmt ", 4);
    wav_put_u32(h + 16, 16u);              /* fmt chunk size */
    wav_put_u16(h + 20, 1u);               /* PCM */
    wav_put_u16(h + 22, 1u);               /* channels */
    wav_put_u32(h + 24, SAMPLE_RATE);      /* sample rate */
    wav_put_u32(h + 28, SAMPLE_RATE * 2u); /* byte rate */
    wav_put_u16(h + 32, 2u);               /* block align */
    wav_put_u16(h + 34, 16u);              /* bits per sample */
    memcpy(h + 36, "data", 4);
    wav_put_u32(h + 40, data_bytes);
}

/* Encode samples as clamped 16-bit little-endian bytes. */
static void wav_encode(const Buffer *b, uint8_t *out)
{
    for (size_t i = 0; i < b->len; i++) {
        int32_t s = b->data[i];
        s = s > 32767 ? 32767 : (s < -32768 ? -32768 : s);
        wav_put_u16(out + 2 * i, (uint16_t)s);
    }
}

/* Write the buffer as a WAV file; returns 1 on success, 0 on failure. */
static int wav_write(const char *path, const Buffer *b)
{
    uint8_t header[WAV_HEADER_SIZE];
    size_t data_bytes = b->len * 2u;
    uint8_t *pcm = malloc(data_bytes);
    if (pcm == NULL) {
        fprintf(stderr, "gen_sounds: out of memory writing '%s'\n", path);
        return 0;
    }
    wav_fill_header(header, (uint32_t)data_bytes);
    wav_encode(b, pcm);
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        fprintf(stderr, "gen_sounds: cannot create '%s': %s "
                "(does the directory exist?)\n", path, strerror(errno));
        free(pcm);
        return 0;
    }
    int ok = fwrite(header, 1, sizeof header, f) == sizeof header
             && fwrite(pcm, 1, data_bytes, f) == data_bytes;
    ok = (fclose(f) == 0) && ok;
    free(pcm);
    if (!ok) {
        fprintf(stderr, "gen_sounds: error writing '%s'\n", path);
        remove(path);
    }
    return ok;
}

/* ------------------------------------------------------------------ */
/* Sound designs                                                       */
/* ------------------------------------------------------------------ */

/* Soft tiny upward triangle chirp. */
static void sound_build_move(Buffer *b)
{
    Tone t = {
        .wave = WAVE_TRIANGLE, .start_ms = 0, .dur_ms = 40,
        .freq0_mhz = 1100000, .freq1_mhz = 1400000, .gain = Q16_ONE,
        .env = { 2, 38, 0, 0, 1 }
    };
    synth_tone(b, &t);
    buffer_lowpass(b, 33392); /* ~5 kHz */
}

/* Two-step rising square blip (E5 -> B5). */
static void sound_build_select(Buffer *b)
{
    const Env env = { 2, 20, 39322, 15, 0 };
    synth_note(b, WAVE_SQUARE, 76, 0, 32, Q16_ONE * 3 / 4, &env);
    synth_note(b, WAVE_SQUARE, 83, 28, 52, Q16_ONE, &env);
    buffer_lowpass2(b, 28470); /* 2-pole ~4 kHz */
}

/* Cheerful G5-C6-E6 arpeggio with a triangle octave below. */
static void sound_build_right(Buffer *b)
{
    static const int notes[3] = { 79, 84, 88 };
    const Env env = { 2, 60, 36045, 40, 0 };
    const Env last = { 2, 80, 36045, 120, 0 };
    for (int k = 0; k < 3; k++) {
        uint32_t start = (uint32_t)k * 70u;
        uint32_t dur = k < 2 ? 90u : 210u;
        const Env *e = k < 2 ? &env : &last;
        synth_note(b, WAVE_PULSE25, notes[k], start, dur, Q16_ONE, e);
        synth_note(b, WAVE_TRIANGLE, notes[k] - 12, start, dur, Q16_ONE / 2, e);
    }
    buffer_lowpass2(b, 37661); /* 2-pole ~6 kHz */
}

/* Low descending detuned saw/square buzz (G3 -> G2). */
static void sound_build_wrong(Buffer *b)
{
    Tone saw = {
        .wave = WAVE_SAW, .start_ms = 0, .dur_ms = 400,
        .freq0_mhz = 196000, .freq1_mhz = 98000, .gain = Q16_ONE,
        .env = { 5, 100, 45875, 120, 0 }
    };
    Tone sq = saw;
    sq.wave = WAVE_SQUARE;
    sq.freq0_mhz = 199000;
    sq.freq1_mhz = 99500;
    sq.gain = Q16_ONE * 3 / 5;
    synth_tone(b, &saw);
    synth_tone(b, &sq);
    buffer_lowpass(b, 12610); /* ~1.5 kHz */
}

/* Falling whistle with vibrato (G6 -> G4) over a triangle an octave down. */
static void sound_build_timeout(Buffer *b)
{
    Tone whistle = {
        .wave = WAVE_SINE, .start_ms = 0, .dur_ms = 500,
        .freq0_mhz = 1568000, .freq1_mhz = 392000, .gain = Q16_ONE,
        .env = { 8, 0, Q16_ONE, 150, 0 },
        .vib_rate_mhz = 7000, .vib_depth = 1966 /* 3 % */
    };
    Tone body = whistle;
    body.wave = WAVE_TRIANGLE;
    body.freq0_mhz /= 2;
    body.freq1_mhz /= 2;
    body.gain = Q16_ONE * 2 / 5;
    synth_tone(b, &whistle);
    synth_tone(b, &body);
}

/* Short dry clock tick: high-passed noise burst plus a woody ping. */
static void sound_build_tick(Buffer *b)
{
    Tone noise = {
        .wave = WAVE_NOISE, .start_ms = 0, .dur_ms = 30,
        .gain = Q16_ONE, .env = { 1, 18, 0, 0, 1 }
    };
    Tone ping = {
        .wave = WAVE_SINE, .start_ms = 0, .dur_ms = 30,
        .freq0_mhz = 2000000, .freq1_mhz = 1800000,
        .gain = Q16_ONE * 3 / 5, .env = { 1, 25, 0, 0, 1 }
    };
    synth_tone(b, &noise);
    synth_tone(b, &ping);
    buffer_highpass(b, 8703); /* ~1 kHz */
    buffer_lowpass(b, 44572); /* ~8 kHz: takes the hiss off */
}

/* C major arpeggio C5-E5-G5-C6 then a held chord over a C3 bass. */
static void sound_build_complete(Buffer *b)
{
    static const int arp[4] = { 72, 76, 79, 84 };
    const Env step = { 2, 50, 32768, 30, 0 };
    const Env chord = { 5, 150, 39322, 250, 0 };
    for (int k = 0; k < 4; k++) {
        synth_note(b, WAVE_PULSE25, arp[k], (uint32_t)k * 90u, 110,
                   Q16_ONE, &step);
    }
    synth_note(b, WAVE_PULSE25, 84, 400, 500, Q16_ONE * 4 / 5, &chord);
    synth_note(b, WAVE_TRIANGLE, 79, 400, 500, Q16_ONE * 3 / 5, &chord);
    synth_note(b, WAVE_TRIANGLE, 76, 400, 500, Q16_ONE * 3 / 5, &chord);
    synth_note(b, WAVE_TRIANGLE, 72, 400, 500, Q16_ONE * 3 / 5, &chord);
    synth_note(b, WAVE_TRIANGLE, 48, 400, 500, Q16_ONE * 4 / 5, &chord);
    buffer_lowpass2(b, 37661); /* 2-pole ~6 kHz */
}

/* Fanfare lead: C5-E5-G5-C6, G5, then a held E6 with vibrato. */
static void sound_build_highscore_lead(Buffer *b)
{
    static const int notes[5] = { 72, 76, 79, 84, 79 };
    static const uint32_t starts[5] = { 0, 90, 180, 270, 480 };
    static const uint32_t durs[5] = { 85, 85, 85, 200, 95 };
    const Env env = { 2, 40, 39322, 25, 0 };
    for (int k = 0; k < 5; k++) {
        synth_note(b, WAVE_PULSE25, notes[k], starts[k], durs[k], Q16_ONE, &env);
    }
    Tone top = {
        .wave = WAVE_PULSE25, .start_ms = 580, .dur_ms = 720,
        .freq0_mhz = note_to_mhz(88), .freq1_mhz = note_to_mhz(88),
        .gain = Q16_ONE, .env = { 5, 150, 42598, 350, 0 },
        .vib_rate_mhz = 6000, .vib_depth = 983 /* 1.5 % */
    };
    synth_tone(b, &top);
}

/* Fanfare harmony: triangle bass line and a final C major chord. */
static void sound_build_highscore_harmony(Buffer *b)
{
    const Env bass = { 3, 60, 45875, 30, 0 };
    const Env chord = { 8, 150, 42598, 350, 0 };
    synth_note(b, WAVE_TRIANGLE, 48, 0, 260, Q16_ONE * 3 / 5, &bass);
    synth_note(b, WAVE_TRIANGLE, 48, 270, 200, Q16_ONE * 3 / 5, &bass);
    synth_note(b, WAVE_TRIANGLE, 43, 480, 95, Q16_ONE * 3 / 5, &bass);
    synth_note(b, WAVE_TRIANGLE, 48, 580, 720, Q16_ONE * 4 / 5, &chord);
    synth_note(b, WAVE_TRIANGLE, 84, 580, 720, Q16_ONE / 2, &chord);
    synth_note(b, WAVE_TRIANGLE, 79, 580, 720, Q16_ONE / 2, &chord);
    synth_note(b, WAVE_TRIANGLE, 72, 580, 720, Q16_ONE / 2, &chord);
}

static void sound_build_highscore(Buffer *b)
{
    sound_build_highscore_lead(b);
    sound_build_highscore_harmony(b);
    buffer_lowpass2(b, 37661); /* 2-pole ~6 kHz */
}

static const SoundDef SOUNDS[] = {
    { "move.wav", 40, 1, 3, sound_build_move },
    { "select.wav", 80, 2, 5, sound_build_select },
    { "right.wav", 350, 2, 5, sound_build_right },
    { "wrong.wav", 400, 2, 5, sound_build_wrong },
    { "timeout.wav", 500, 2, 5, sound_build_timeout },
    { "tick.wav", 30, 1, 3, sound_build_tick },
    { "complete.wav", 900, 2, 5, sound_build_complete },
    { "highscore.wav", 1300, 2, 5, sound_build_highscore },
};

/* Synthesise one sound and write it to dir/name; returns 1 on success. */
static int sound_generate(const char *dir, const SoundDef *def)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, def->name);
    if (n < 0 || (size_t)n >= sizeof path) {
        fprintf(stderr, "gen_sounds: output path too long: '%s'\n", dir);
        return 0;
    }
    Buffer b;
    if (!buffer_init(&b, def->dur_ms)) {
        fprintf(stderr, "gen_sounds: out of memory for '%s'\n", def->name);
        return 0;
    }
    def->build(&b);
    buffer_fade(&b, def->fade_in_ms, def->fade_out_ms);
    buffer_normalize(&b, PEAK_TARGET);
    int ok = wav_write(path, &b);
    buffer_free(&b);
    if (ok) {
        printf("wrote %s\n", path);
    }
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '\0') {
        fprintf(stderr, "usage: %s OUTPUT_DIR\n",
                argc > 0 ? argv[0] : "gen_sounds");
        return EXIT_FAILURE;
    }
    for (size_t i = 0; i < sizeof SOUNDS / sizeof SOUNDS[0]; i++) {
        if (!sound_generate(argv[1], &SOUNDS[i])) {
            return EXIT_FAILURE;
        }
    }
    return EXIT_SUCCESS;
}
