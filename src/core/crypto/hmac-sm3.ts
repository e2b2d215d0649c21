import { createHash } from 'node:crypto';
import { SM3, SM3_DIGEST_BYTES } from './algorithms';

/**
 * HMAC-SM3 (GB/T 15852.2 / RFC 2104 over GB/T 32905-2016 SM3) with the key's
 * two padded blocks compressed once, when the key is first used, as RFC 2104
 * §4 suggests: every later HMAC costs two SM3 compressions.
 *
 * Why not Node's createHmac: an import computes four HMACs per row (a blind
 * index and an envelope MAC for the ID number and for the phone), four
 * million for a million rows, and each createHmac re-keys an OpenSSL context
 * (about 3.5 µs); this costs about 1 µs. hmac-sm3.test.ts checks it against
 * OpenSSL's HMAC-SM3 and the standard's vectors. SM3 has no table lookups or
 * secret-dependent branches, so the code runs in the same time for every key
 * and message.
 */
const BLOCK_BYTES = 64;
const IV = Int32Array.of(0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600 | 0, 0xa96f30bc | 0, 0x163138aa, 0xe38dee4d | 0, 0xb0fb0e4e | 0);

const rotl = (x: number, n: number) => (n === 0 ? x : (x << n) | (x >>> (32 - n)));
/** T_j rotated left by j mod 32 (GB/T 32905 §5.3.3), for the 64 rounds. */
const T_ROTATED = Int32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a | 0, j % 32));

const w = new Int32Array(68);

/** The compression function CF (GB/T 32905 §5.3.3) of one 64-byte block into `state`. */
function compress(state: Int32Array, block: Uint8Array, offset: number): void {
  for (let j = 0; j < 16; j += 1) {
    const at = offset + 4 * j;
    w[j] = (block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!;
  }
  for (let j = 16; j < 68; j += 1) {
    const w3 = w[j - 3]!;
    const w13 = w[j - 13]!;
    const x = w[j - 16]! ^ w[j - 9]! ^ ((w3 << 15) | (w3 >>> 17));
    w[j] = x ^ ((x << 15) | (x >>> 17)) ^ ((x << 23) | (x >>> 9)) ^ ((w13 << 7) | (w13 >>> 25)) ^ w[j - 6]!;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  // Rounds 0–15 and 16–63 differ only in FF and GG (§5.3.3): two loops, no branch per round.
  for (let j = 0; j < 16; j += 1) {
    const a12 = (a << 12) | (a >>> 20);
    const sum = (a12 + e + T_ROTATED[j]!) | 0;
    const ss1 = (sum << 7) | (sum >>> 25);
    const tt1 = ((a ^ b ^ c) + d + (ss1 ^ a12) + (w[j]! ^ w[j + 4]!)) | 0;
    const tt2 = ((e ^ f ^ g) + h + ss1 + w[j]!) | 0;
    d = c;
    c = (b << 9) | (b >>> 23);
    b = a;
    a = tt1;
    h = g;
    g = (f << 19) | (f >>> 13);
    f = e;
    e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
  }
  for (let j = 16; j < 64; j += 1) {
    const a12 = (a << 12) | (a >>> 20);
    const sum = (a12 + e + T_ROTATED[j]!) | 0;
    const ss1 = (sum << 7) | (sum >>> 25);
    const tt1 = (((a & b) | (a & c) | (b & c)) + d + (ss1 ^ a12) + (w[j]! ^ w[j + 4]!)) | 0;
    const tt2 = (((e & f) | (~e & g)) + h + ss1 + w[j]!) | 0;
    d = c;
    c = (b << 9) | (b >>> 23);
    b = a;
    a = tt1;
    h = g;
    g = (f << 19) | (f >>> 13);
    f = e;
    e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
  }
  state[0]! ^= a; state[1]! ^= b; state[2]! ^= c; state[3]! ^= d; state[4]! ^= e; state[5]! ^= f; state[6]! ^= g; state[7]! ^= h;
}

const state = new Int32Array(8);
const innerDigest = new Uint8Array(SM3_DIGEST_BYTES);
/** Room for the last one or two blocks of a message, with its padding. */
const tail = new Uint8Array(2 * BLOCK_BYTES);

/** SM3 of `message` into `digest`, continued from `start` (the state after `before` bytes, a whole number of blocks). */
function finish(start: Int32Array, before: number, message: Uint8Array, digest: Uint8Array): Uint8Array {
  state.set(start);
  const whole = message.length - (message.length % BLOCK_BYTES);
  for (let offset = 0; offset < whole; offset += BLOCK_BYTES) compress(state, message, offset);
  // Padding (§5.2): 0x80, zeros, then the message's length in bits as a 64-bit big-endian number.
  const rest = message.length - whole;
  const length = rest + 9 <= BLOCK_BYTES ? BLOCK_BYTES : 2 * BLOCK_BYTES;
  tail.fill(0, 0, length);
  tail.set(message.subarray(whole), 0);
  tail[rest] = 0x80;
  const bits = (before + message.length) * 8;
  const high = Math.floor(bits / 2 ** 32);
  const low = bits >>> 0;
  for (let i = 0; i < 4; i += 1) {
    tail[length - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
    tail[length - 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
  }
  for (let offset = 0; offset < length; offset += BLOCK_BYTES) compress(state, tail, offset);
  for (let i = 0; i < 8; i += 1) {
    const word = state[i]!;
    digest[4 * i] = word >>> 24;
    digest[4 * i + 1] = (word >>> 16) & 0xff;
    digest[4 * i + 2] = (word >>> 8) & 0xff;
    digest[4 * i + 3] = word & 0xff;
  }
  return digest;
}

/** An HMAC-SM3 key, ready to authenticate many messages. */
export class HmacSm3 {
  readonly #inner: Int32Array;
  readonly #outer: Int32Array;

  constructor(key: Uint8Array) {
    // RFC 2104 §2: a key longer than the block is hashed first; then padded with zeros to the block.
    const block = new Uint8Array(BLOCK_BYTES);
    block.set(key.length > BLOCK_BYTES ? createHash(SM3).update(key).digest() : key);
    const padded = (pad: number) => {
      const chaining = Int32Array.from(IV);
      compress(chaining, block.map((byte) => byte ^ pad), 0);
      return chaining;
    };
    this.#inner = padded(0x36);
    this.#outer = padded(0x5c);
  }

  digest(message: Uint8Array): Buffer {
    finish(this.#inner, BLOCK_BYTES, message, innerDigest);
    return finish(this.#outer, BLOCK_BYTES, innerDigest, Buffer.allocUnsafe(SM3_DIGEST_BYTES)) as Buffer;
  }
}

const prepared = new WeakMap<Uint8Array, HmacSm3>();

/** The prepared HMAC for a key buffer of the key ring (prepared once per key). */
export function hmacSm3For(key: Uint8Array): HmacSm3 {
  let hmac = prepared.get(key);
  if (!hmac) {
    hmac = new HmacSm3(key);
    prepared.set(key, hmac);
  }
  return hmac;
}
