import { describe, expect, it } from 'vitest';
import { EVIDENCE_TOKEN_TTL_MS, issueEvidenceToken, redeemEvidenceToken } from './evidence-tokens';

const grant = { accountId: 7, householdId: 3, fileId: 11 };
const at = (ms: number) => new Date(Date.UTC(2026, 10, 16, 1) + ms);

describe('one-time evidence tokens', () => {
  it('issues 32 random bytes as base64url, a different token each time, expiring after the TTL', () => {
    const platform = {};
    const first = issueEvidenceToken(platform, grant, at(0));
    const second = issueEvidenceToken(platform, grant, at(0));
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
    expect(second.token).not.toBe(first.token);
    expect(first.expiresAt.getTime() - at(0).getTime()).toBe(EVIDENCE_TOKEN_TTL_MS);
  });

  it('keeps each app instance its own tokens', () => {
    const { token } = issueEvidenceToken({}, grant, at(0));
    expect(redeemEvidenceToken({}, token, grant, at(1))).toBe(false);
  });

  it('holds at most 10,000 live tokens: past that the oldest live one is dropped', () => {
    const platform = {};
    const oldest = issueEvidenceToken(platform, grant, at(0)).token;
    const second = issueEvidenceToken(platform, grant, at(0)).token;
    for (let index = 2; index < 10_000; index += 1) issueEvidenceToken(platform, grant, at(1));
    const newest = issueEvidenceToken(platform, grant, at(2)).token;
    expect(redeemEvidenceToken(platform, oldest, grant, at(3))).toBe(false);
    expect(redeemEvidenceToken(platform, second, grant, at(3))).toBe(true);
    expect(redeemEvidenceToken(platform, newest, grant, at(3))).toBe(true);
  });
});
