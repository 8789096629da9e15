// SHA-1's block function on the processor's SHA extensions (x86-64 SHA-NI), for the version-5
// UUIDs schedule.xml and schedule.json give every talk (`StableID`): ~2,000 instructions a
// 64-byte block in Swift, ~100 with the extensions. Where they are missing (other processors,
// valgrind) `confdash_sha1_ni_available` says 0 and Swift's own function is used: the same bytes.
#ifndef CSHA1_H
#define CSHA1_H

#include <stddef.h>
#include <stdint.h>

/// 1 when `confdash_sha1_ni_compress` may be called on this processor, else 0.
int confdash_sha1_ni_available(void);

/// SHA-1's compression of `blocks` blocks of 64 bytes at `data` into `state` (h0…h4).
void confdash_sha1_ni_compress(uint32_t state[5], const uint8_t *data, size_t blocks);

#endif
