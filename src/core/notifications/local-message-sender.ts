import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maskAddress, normalizeAddress } from './address';
import { MessageRejected, type MessageSender, type OutboundMessage, type SendReceipt } from './message-sender';

export type LocalSentMessage = {
  id: string;
  dedupeKey: string;
  channel: OutboundMessage['channel'];
  /** Masked: the local driver stands in for a gateway, it does not keep numbers in clear on disk. */
  to: string;
  template: string;
  params: Record<string, string>;
  acceptedAt: string;
};

/**
 * The local driver: instead of a gateway it appends each message, one JSON
 * line, to `DATA_DIR/messages/local-sent.jsonl` (append-only, 0600), which a
 * developer or a test reads to see what would have gone out. A dedupe key it
 * has seen answers the first receipt again and writes nothing.
 */
export function localMessageSender(dataDir: string, now: () => Date = () => new Date()): MessageSender & { sent: () => LocalSentMessage[] } {
  const folder = join(dataDir, 'messages');
  const file = join(folder, 'local-sent.jsonl');
  const read = (): LocalSentMessage[] =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as LocalSentMessage)
      : [];
  let byKey: Map<string, LocalSentMessage> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const sendOne = async (message: OutboundMessage): Promise<SendReceipt> => {
    byKey ??= new Map(read().map((entry) => [entry.dedupeKey, entry]));
    const seen = byKey.get(message.dedupeKey);
    if (seen) return { id: seen.id, acceptedAt: new Date(seen.acceptedAt) };
    const address = normalizeAddress(message.channel, message.to);
    if (!address.ok) throw new MessageRejected(address.message);
    if (!/^[a-z][a-z0-9_.]{0,79}$/.test(message.template)) throw new MessageRejected(`短信/邮件模板名称不正确：${message.template}`);
    const entry: LocalSentMessage = {
      id: `local-${randomUUID()}`,
      dedupeKey: message.dedupeKey,
      channel: message.channel,
      to: maskAddress(message.channel, address.to),
      template: message.template,
      params: { ...message.params },
      acceptedAt: now().toISOString(),
    };
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    byKey.set(entry.dedupeKey, entry);
    return { id: entry.id, acceptedAt: new Date(entry.acceptedAt) };
  };
  return {
    driver: 'local',
    // One at a time, so two sends of one key cannot both pass the check.
    send: (message) => {
      const result = queue.then(() => sendOne(message));
      queue = result.catch(() => undefined);
      return result;
    },
    sent: read,
  };
}
