/* simd.h - whether the sixteen-byte fast paths (SSE2) are built.
 *
 * On x86-64 SSE2 is always there; elsewhere (an ARM handheld, say) the
 * same functions run their portable byte-at-a-time code, which gives the
 * same results. Building with QA_NO_SIMD defined runs the portable code
 * on this machine too, so that it is tested here. */
#ifndef QA_SIMD_H
#define QA_SIMD_H

#if defined(__SSE2__) && !defined(QA_NO_SIMD)
#define QA_SSE2 1
#include <emmintrin.h>
#else
#define QA_SSE2 0
#endif

#endif
