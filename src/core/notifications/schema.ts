import type { ColumnType, Generated } from 'kysely';

/** The notification tables (migration 2026-11-21T1510_core__notifications), merged into the DB type. */

export type NotificationTable = {
  id: Generated<number>;
  account_id: number;
  module: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
};

export type MessageOutboxTable = {
  id: Generated<number>;
  channel: 'sms' | 'email';
  to_envelope: string;
  to_masked: string;
  template: string;
  /** jsonb, written as JSON text, read back parsed. */
  params: ColumnType<unknown, string, string>;
  module: string;
  created_at: Date;
  attempts: Generated<number>;
  next_attempt_at: Date;
  sent_at: Date | null;
  provider_id: string | null;
  failed_at: Date | null;
  last_error: string | null;
};

declare module '../db/schema' {
  interface DB {
    notification: NotificationTable;
    message_outbox: MessageOutboxTable;
  }
}
