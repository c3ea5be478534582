// SHA-256's compression function on the x86 SHA extensions (SHA256RNDS2, SHA256MSG1, SHA256MSG2),
// used by Reports' SHA256 where the processor has them. Header-only: nothing to link.
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

/// 1 when the processor has the SHA extensions and SSSE3 and SSE4.1 (which the code below also uses).
static inline int gigaplan_sha256_accelerated(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & (1u << 9)) || !(c & (1u << 19))) return 0;  // SSSE3, SSE4.1
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 29) & 1;  // SHA
}

/// Compresses `blocks` 64-byte blocks of `data` into the hash value `h` (H0…H7, FIPS 180-4 § 6.2.2),
/// with the round constants `k` (K0…K63). The instructions keep the working variables as two vectors,
/// (A, B, E, F) and (C, D, G, H) from the high lane down, and do two rounds per SHA256RNDS2 with
/// W[t] + K[t] in the two low lanes of its third operand.
__attribute__((target("sha,ssse3,sse4.1"))) static inline void gigaplan_sha256_blocks(
    uint32_t h[8], const uint32_t k[64], const uint8_t *data, size_t blocks) {
    // Each 32-bit word's bytes reversed: the message is big-endian.
    const __m128i bigEndian = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
    __m128i abcd = _mm_loadu_si128((const __m128i *)&h[0]);  // lanes 0…3: A B C D
    __m128i efgh = _mm_loadu_si128((const __m128i *)&h[4]);  // lanes 0…3: E F G H
    __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);            // B A D C
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);            // H G F E
    __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);           // F E B A
    __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);        // H G D C
    for (size_t block = 0; block < blocks; block++, data += 64) {
        const __m128i abefStart = abef, cdghStart = cdgh;
        __m128i w[4];  // w[q % 4] holds W[4q] … W[4q + 3] of the quad q being done
        for (int q = 0; q < 16; q++) {
            if (q < 4) {
                w[q] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * q)), bigEndian);
            } else {
                // W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16] for t = 4q … 4q + 3.
                __m128i partial = _mm_sha256msg1_epu32(w[q % 4], w[(q + 1) % 4]);  // W[t−16] + σ0(W[t−15])
                partial = _mm_add_epi32(partial, _mm_alignr_epi8(w[(q + 3) % 4], w[(q + 2) % 4], 4));  // + W[t−7]
                w[q % 4] = _mm_sha256msg2_epu32(partial, w[(q + 3) % 4]);  // + σ1(W[t−2])
            }
            __m128i wk = _mm_add_epi32(w[q % 4], _mm_loadu_si128((const __m128i *)&k[4 * q]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);  // rounds 4q, 4q + 1: the new (A, B, E, F)
            wk = _mm_shuffle_epi32(wk, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);  // rounds 4q + 2, 4q + 3
        }
        abef = _mm_add_epi32(abef, abefStart);
        cdgh = _mm_add_epi32(cdgh, cdghStart);
    }
    __m128i abef2 = _mm_shuffle_epi32(abef, 0x1B);  // A B E F
    __m128i cdgh2 = _mm_shuffle_epi32(cdgh, 0xB1);  // G H C D
    _mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(abef2, cdgh2, 0xF0));  // A B C D
    _mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(cdgh2, abef2, 8));     // E F G H
}
#else
static inline int gigaplan_sha256_accelerated(void) { return 0; }
static inline void gigaplan_sha256_blocks(uint32_t h[8], const uint32_t k[64], const uint8_t *data, size_t blocks) {}
#endif
