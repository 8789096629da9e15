// The first byte of a text that an exporter's escaping has to look at, found 16 bytes at a time
// (SSE2 on x86-64; a byte at a time elsewhere).
#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

/// What `confdash_first_marked` looks for: bytes below `below` (unsigned; 0: none) or equal to
/// one of up to six marks. Made once by `confdash_marks_init`.
typedef struct {
    /// Each mark in all 16 bytes (unused ones repeat the first), then `below - 1` in all 16.
    uint8_t vectors[7][16] __attribute__((aligned(16)));
    /// Non-zero for each marked byte value.
    uint8_t table[256];
    uint8_t below;
} confdash_marks;

void confdash_marks_init(confdash_marks *marks, uint8_t below, const uint8_t *list, int count);

/// The index of the first marked byte of `bytes[from..<count]`, or `count` when there is none.
size_t confdash_first_marked(const confdash_marks *marks, const uint8_t *bytes, size_t from, size_t count);

#endif
