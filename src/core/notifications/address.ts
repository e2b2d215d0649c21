import { maskMiddle } from '../cn/mask';
import { maskMobile, parseMobile } from '../cn/mobile';
import type { OutboundMessage } from './message-sender';

// RFC 5321 limits an address to 254 octets; this shape is what a relay accepts, not the whole grammar.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** The address in the form a channel delivers to, or a Chinese reason it cannot be. */
export function normalizeAddress(channel: OutboundMessage['channel'], to: string): { ok: true; to: string } | { ok: false; message: string } {
  if (channel === 'sms') {
    const parsed = parseMobile(to);
    return parsed.ok ? { ok: true, to: parsed.value.mobile } : { ok: false, message: parsed.message };
  }
  const trimmed = to.trim();
  return EMAIL.test(trimmed) && trimmed.length <= 254 ? { ok: true, to: trimmed } : { ok: false, message: '电子邮箱格式不正确' };
}

/** What lists and logs show instead of the address: 138****8000, z***@example.cn. */
export function maskAddress(channel: OutboundMessage['channel'], to: string): string {
  if (channel === 'sms') return maskMobile(to);
  const [local = '', domain = ''] = to.split('@');
  return `${local.length <= 1 ? '*' : maskMiddle(local, 1, 0)}@${domain}`;
}
