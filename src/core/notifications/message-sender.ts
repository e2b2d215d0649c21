/**
 * The outbound message adapter: an SMS gateway (e.g. 运营商/云短信平台) or a mail
 * relay sits behind it. The outbox job calls `send` after the transaction that
 * queued the message committed, never inside one.
 *
 * `dedupeKey` names the message across retries (the outbox row): a driver must
 * accept the same key twice without delivering twice (gateways call it an
 * out-id / client reference), so a crash between a send and its record cannot
 * text anyone twice. `template` names a template registered with the gateway
 * (SMS in China is sent by approved template, 《通信短信息服务管理规定》第十九条);
 * `params` fill it.
 */
export type OutboundMessage = {
  channel: 'sms' | 'email';
  /** A mobile number (sms) or an e-mail address (email), in clear: the driver is the only reader. */
  to: string;
  template: string;
  params: Readonly<Record<string, string>>;
  dedupeKey: string;
};

export type SendReceipt = { id: string; acceptedAt: Date };

export interface MessageSender {
  /** Short name, recorded with each delivery (`local`, `aliyun-sms` …). */
  readonly driver: string;
  /** Hands the message over; rejects with MessageRejected when it can never be sent, any other error is worth retrying. */
  send(message: OutboundMessage): Promise<SendReceipt>;
}

/** A message the driver will never deliver (a malformed address, an unknown template): no retry. */
export class MessageRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageRejected';
  }
}
