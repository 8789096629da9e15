// See include/CByteScan.h.
#include "CByteScan.h"

#if defined(__x86_64__)
#include <emmintrin.h>
#endif

void confdash_marks_init(confdash_marks *marks, uint8_t below, const uint8_t *list, int count) {
    for (int k = 0; k < 7; k++) {
        const uint8_t value = k == 6 ? (uint8_t)(below - 1) : list[k < count ? k : 0];
        for (int lane = 0; lane < 16; lane++) marks->vectors[k][lane] = value;
    }
    for (int value = 0; value < 256; value++) {
        int marked = value < below;
        for (int k = 0; k < count; k++) marked |= value == list[k];
        marks->table[value] = (uint8_t)marked;
    }
    marks->below = below;
}

#if defined(__x86_64__)
static inline unsigned marked16(const confdash_marks *marks, __m128i x) {
    const __m128i *m = (const __m128i *)marks->vectors;
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, m[0]), _mm_cmpeq_epi8(x, m[1])),
                               _mm_or_si128(_mm_cmpeq_epi8(x, m[2]), _mm_cmpeq_epi8(x, m[3])));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, m[4]), _mm_cmpeq_epi8(x, m[5])));
    // x < below, unsigned: min(x, below - 1) == x; with `below` 0 the test is left out.
    if (marks->below) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(x, m[6]), x));
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

// Reads 16 bytes where fewer are left when they lie on one page (never past a page the text is on,
// so never a fault; the bytes past the text are masked off), as string functions do.
__attribute__((no_sanitize("address")))
size_t confdash_first_marked(const confdash_marks *marks, const uint8_t *bytes, size_t from, size_t count) {
    size_t index = from;
#if defined(__x86_64__)
    if (index < count && count - index < 16 && ((uintptr_t)(bytes + index) & 4095) <= 4096 - 16) {
        // A short text, or the end of one: one load.
        const unsigned mask = marked16(marks, _mm_loadu_si128((const __m128i *)(bytes + index))) & ((1u << (count - index)) - 1);
        return mask != 0 ? index + (size_t)__builtin_ctz(mask) : count;
    }
    if (count >= 16 && count - index >= 4) {
        while (index + 16 <= count) {
            const unsigned mask = marked16(marks, _mm_loadu_si128((const __m128i *)(bytes + index)));
            if (mask != 0) return index + (size_t)__builtin_ctz(mask);
            index += 16;
        }
        if (index < count) {
            // The last 16 bytes of the text, of which those before `index` were seen already.
            const size_t start = count - 16;
            const unsigned mask = marked16(marks, _mm_loadu_si128((const __m128i *)(bytes + start))) & (0xFFFFu << (index - start));
            return mask != 0 ? start + (size_t)__builtin_ctz(mask) : count;
        }
        return index;
    }
#endif
    const uint8_t *table = marks->table;
    while (index < count && !table[bytes[index]]) index++;
    return index;
}
