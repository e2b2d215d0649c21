import { AppError } from '../http/errors';
import { sealField } from '../crypto/field-cipher';
import type { KeyRing } from '../crypto/keyring';
import type { Executor } from '../db/transaction';
import { maskAddress, normalizeAddress } from './address';
import type { OutboundMessage } from './message-sender';

/** The envelope context of an outbox address (an envelope of another column does not open here). */
export const OUTBOX_ADDRESS_CONTEXT = 'message_outbox.to';

export type QueuedMessage = Omit<OutboundMessage, 'dedupeKey'> & { module: string; at: Date };

/**
 * Queues an SMS or e-mail in the caller's transaction: it leaves only after
 * that transaction commits (the outbox job sends it), and never if it rolls
 * back. The address is sealed; a malformed one is refused here, naming the
 * field, rather than failing later in the job. Answers the masked address.
 */
export async function queueMessage(db: Executor, ring: KeyRing, message: QueuedMessage, field = 'to'): Promise<{ toMasked: string }> {
  const address = normalizeAddress(message.channel, message.to);
  if (!address.ok) throw new AppError('VALIDATION_FAILED', address.message, { field });
  const toMasked = maskAddress(message.channel, address.to);
  await db
    .insertInto('message_outbox')
    .values({
      channel: message.channel,
      to_envelope: sealField(ring, address.to, OUTBOX_ADDRESS_CONTEXT),
      to_masked: toMasked,
      template: message.template,
      params: JSON.stringify(message.params),
      module: message.module,
      created_at: message.at,
      next_attempt_at: message.at,
    })
    .execute();
  return { toMasked };
}
