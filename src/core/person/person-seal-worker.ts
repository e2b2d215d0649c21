import { parentPort, workerData } from 'node:worker_threads';
import type { KeyRing } from '../crypto';
import { type PackedPeople, packSealed, sealPeople, unpackPeople } from './person-sealer';

/** The worker side of workerPersonSealer (person-sealer.ts): seals each batch it is sent. */
const { ring: cloned } = workerData as { ring: { currentKeyId: string; keys: Map<string, { encryptionKey: Uint8Array; macKey: Uint8Array }>; blindIndexKey: Uint8Array } };
// Structured clone turns Buffers into Uint8Arrays: make them Buffers again.
const ring: KeyRing = {
  currentKeyId: cloned.currentKeyId,
  keys: new Map([...cloned.keys].map(([id, key]) => [id, { encryptionKey: Buffer.from(key.encryptionKey), macKey: Buffer.from(key.macKey) }])),
  blindIndexKey: Buffer.from(cloned.blindIndexKey),
};

parentPort!.on('message', ({ id, people }: { id: number; people: PackedPeople }) => {
  try {
    parentPort!.postMessage({ id, sealed: packSealed(sealPeople(ring, unpackPeople(people))) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
