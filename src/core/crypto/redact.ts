import { inspect } from 'node:util';

/**
 * Keeps key material out of logs, JSON responses and error reports
 * (GB/T 39786-2021 Appendix B: keys must not leave their protected store;
 * OWASP ASVS 6.4.1). A key ring that ends up in a config object passed to the
 * logger, in `console.log`, or in a template string shows ids only.
 */
export const REDACTED = '[redacted]';

/**
 * Marks a key buffer so that JSON.stringify, String() and util.inspect show
 * '[redacted]' instead of its bytes. The bytes themselves are untouched, so
 * Node's crypto functions use the buffer as before. Defence in depth: this
 * still protects a key that was pulled out of its ring, or a ring copied with
 * object spread (which drops the ring's own non-enumerable toJSON).
 */
export function redactKey(bytes: Buffer): Buffer {
  const shown = `<密钥 ${bytes.length} 字节，已隐藏>`;
  Object.defineProperties(bytes, {
    toJSON: { value: () => REDACTED },
    toString: { value: () => REDACTED },
    toLocaleString: { value: () => REDACTED },
    [inspect.custom]: { value: () => shown },
  });
  return bytes;
}

/** Gives an object a summary in place of its contents for JSON.stringify, String() and util.inspect. */
export function redactObject<T extends object>(target: T, summary: () => string, json: () => unknown): T {
  Object.defineProperties(target, {
    toJSON: { value: json },
    toString: { value: summary },
    [inspect.custom]: { value: summary },
  });
  return target;
}
