import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localMessageSender } from './local-message-sender';
import { messageSenderContract } from './testing/message-sender-contract';

const MOBILE = '13991234567';

describe('the local message driver', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-messages-'));
  const deliveries = async (key: string) => localMessageSender(dataDir).sent().filter((entry) => entry.dedupeKey === key).length;
  messageSenderContract(() => localMessageSender(dataDir), { mobile: MOBILE, email: 'bangong@example.cn', template: 'plans.supervision', deliveries });

  it('keeps the number masked in its file, which only the owner may read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonghui-messages-'));
    await localMessageSender(dir).send({ channel: 'sms', to: `+86 ${MOBILE}`, template: 'plans.supervision', params: {}, dedupeKey: 'k1' });
    const file = join(dir, 'messages', 'local-sent.jsonl');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(MOBILE);
    expect(text).toContain('139****4567');
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
