// See include/CSHA1.h. The rounds follow Intel's "New Instructions Supporting the Secure Hash
// Algorithm on Intel Architecture Processors" (2013): four rounds per `sha1rnds4`, the message
// schedule four words at a time with `sha1msg1`, XOR and `sha1msg2`.
#include "CSHA1.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int confdash_sha1_ni_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    // SSSE3 (pshufb) and SSE4.1 (pextrd) besides SHA.
    if (!(c & bit_SSSE3) || !(c & bit_SSE4_1)) return 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b & bit_SHA) ? 1 : 0;
}

// One group of four rounds, G = 0…19, after the first: E_A takes the next four message words
// (`sha1nexte`), E_B keeps ABCD for the group after; the message words of later groups are
// prepared as they become computable.
#define GROUP(G, E_A, E_B, M_CUR, M_NEXT, M_AFTER, M_LAST, F)                 \
    E_A = _mm_sha1nexte_epu32(E_A, M_CUR);                                    \
    E_B = abcd;                                                               \
    if ((G) >= 3 && (G) <= 18) M_NEXT = _mm_sha1msg2_epu32(M_NEXT, M_CUR);    \
    abcd = _mm_sha1rnds4_epu32(abcd, E_A, F);                                 \
    if ((G) >= 1 && (G) <= 16) M_LAST = _mm_sha1msg1_epu32(M_LAST, M_CUR);    \
    if ((G) >= 2 && (G) <= 17) M_AFTER = _mm_xor_si128(M_AFTER, M_CUR);

__attribute__((target("sha,ssse3,sse4.1")))
void confdash_sha1_ni_compress(uint32_t state[5], const uint8_t *data, size_t blocks) {
    const __m128i mask = _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
    __m128i abcd = _mm_loadu_si128((const __m128i *)state);
    __m128i e0 = _mm_set_epi32((int)state[4], 0, 0, 0);
    abcd = _mm_shuffle_epi32(abcd, 0x1B);
    while (blocks--) {
        const __m128i abcd_save = abcd, e0_save = e0;
        __m128i e1;
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), mask);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), mask);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), mask);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), mask);
        // Rounds 0-3.
        e0 = _mm_add_epi32(e0, m0);
        e1 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e0, 0);
        // Rounds 4-79: group G uses m[G % 4], E alternates.
        GROUP(1, e1, e0, m1, m2, m3, m0, 0)
        GROUP(2, e0, e1, m2, m3, m0, m1, 0)
        GROUP(3, e1, e0, m3, m0, m1, m2, 0)
        GROUP(4, e0, e1, m0, m1, m2, m3, 0)
        GROUP(5, e1, e0, m1, m2, m3, m0, 1)
        GROUP(6, e0, e1, m2, m3, m0, m1, 1)
        GROUP(7, e1, e0, m3, m0, m1, m2, 1)
        GROUP(8, e0, e1, m0, m1, m2, m3, 1)
        GROUP(9, e1, e0, m1, m2, m3, m0, 1)
        GROUP(10, e0, e1, m2, m3, m0, m1, 2)
        GROUP(11, e1, e0, m3, m0, m1, m2, 2)
        GROUP(12, e0, e1, m0, m1, m2, m3, 2)
        GROUP(13, e1, e0, m1, m2, m3, m0, 2)
        GROUP(14, e0, e1, m2, m3, m0, m1, 2)
        GROUP(15, e1, e0, m3, m0, m1, m2, 3)
        GROUP(16, e0, e1, m0, m1, m2, m3, 3)
        GROUP(17, e1, e0, m1, m2, m3, m0, 3)
        GROUP(18, e0, e1, m2, m3, m0, m1, 3)
        GROUP(19, e1, e0, m3, m0, m1, m2, 3)
        e0 = _mm_sha1nexte_epu32(e0, e0_save);
        abcd = _mm_add_epi32(abcd, abcd_save);
        data += 64;
    }
    abcd = _mm_shuffle_epi32(abcd, 0x1B);
    _mm_storeu_si128((__m128i *)state, abcd);
    state[4] = (uint32_t)_mm_extract_epi32(e0, 3);
}

#else

int confdash_sha1_ni_available(void) { return 0; }

void confdash_sha1_ni_compress(uint32_t state[5], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
}

#endif
