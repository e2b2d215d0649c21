import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { MessageRejected, type MessageSender, type OutboundMessage } from '../message-sender';

/**
 * The contract every MessageSender driver must pass (call it from the
 * driver's own test, inside a describe). A gateway driver runs it against the
 * gateway's test environment; `deliveries(dedupeKey)` asks that environment how
 * many times the message went out (the local driver reads its file).
 */
export type MessageSenderFixtures = {
  mobile: string;
  email: string;
  template: string;
  deliveries: (dedupeKey: string) => Promise<number>;
};

export function messageSenderContract(makeDriver: () => MessageSender, fixtures: MessageSenderFixtures): void {
  const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
    channel: 'sms',
    to: fixtures.mobile,
    template: fixtures.template,
    params: { unit: '西安市总工会', measure: '评选三秦工匠' },
    dedupeKey: `contract-${randomUUID()}`,
    ...overrides,
  });

  it('names itself, for the record kept with every delivery', () => {
    expect(makeDriver().driver).toMatch(/^[a-z][a-z0-9_-]{1,39}$/);
  });

  it('accepts an SMS and an e-mail, each with its own receipt id and acceptance time', async () => {
    const driver = makeDriver();
    const sms = message();
    const email = message({ channel: 'email', to: fixtures.email });
    const first = await driver.send(sms);
    const second = await driver.send(email);
    expect(first.id).toMatch(/\S/);
    expect(second.id).not.toBe(first.id);
    expect(first.acceptedAt).toBeInstanceOf(Date);
    expect(Number.isNaN(first.acceptedAt.getTime())).toBe(false);
    expect(await fixtures.deliveries(sms.dedupeKey)).toBe(1);
    expect(await fixtures.deliveries(email.dedupeKey)).toBe(1);
  });

  it('delivers a message sent twice under one dedupe key once, answering the same receipt', async () => {
    const driver = makeDriver();
    const once = message();
    const first = await driver.send(once);
    const again = await makeDriver().send(once);
    const concurrent = await Promise.all([driver.send(once), driver.send(once)]);
    for (const receipt of [again, ...concurrent]) expect(receipt.id).toBe(first.id);
    expect(await fixtures.deliveries(once.dedupeKey)).toBe(1);
  });

  it('rejects for good (MessageRejected, in Chinese) what can never be delivered, and delivers nothing', async () => {
    const driver = makeDriver();
    const cases = [message({ to: '1234' }), message({ channel: 'email', to: 'not-an-address' }), message({ template: 'Bad Template!' })];
    for (const bad of cases) {
      const error = await driver.send(bad).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(MessageRejected);
      expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
      expect(await fixtures.deliveries(bad.dedupeKey)).toBe(0);
    }
  });

  it('leaves the message it was given untouched', async () => {
    const input = message();
    const before = JSON.parse(JSON.stringify(input)) as OutboundMessage;
    await makeDriver().send(input);
    expect(input).toEqual(before);
  });
}
