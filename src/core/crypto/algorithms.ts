/**
 * The commercial-cryptography (商用密码) algorithms the kernel uses, built
 * into Node's OpenSSL 3 (see algorithms.test.ts for the standard vectors).
 * HMAC-SM3 for field MACs and blind indexes runs the SM3 compression in
 * hmac-sm3.ts with each key prepared once; it is tested against OpenSSL's.
 *
 * - SM4 (GB/T 32907-2016), 128-bit block and key, in CBC mode with PKCS#7
 *   padding, for confidentiality of stored data (GB/T 39786-2021 8.4 e).
 * - SM3 (GB/T 32905-2016) in HMAC (GB/T 15852.2 / RFC 2104) for integrity of
 *   stored data (GB/T 39786-2021 8.4 g) and for blind indexes.
 *
 * Node has no SM4-GCM/CCM (nodejs/node#64866), so authenticated encryption is
 * built as encrypt-then-MAC with separate keys.
 */
export const SM4_CBC = 'sm4-cbc';
export const SM3 = 'sm3';

/** SM4 key and block size (GB/T 32907-2016 §5: 128-bit key, 128-bit block). */
export const SM4_KEY_BYTES = 16;
export const SM4_BLOCK_BYTES = 16;
/** HMAC-SM3 key length: the SM3 output size (256 bits), as RFC 2104 §3 recommends. */
export const HMAC_SM3_KEY_BYTES = 32;
/** SM3 digest size (GB/T 32905-2016: 256-bit hash value). */
export const SM3_DIGEST_BYTES = 32;
