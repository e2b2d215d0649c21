import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KeyRing } from '../crypto';
import { type PackedStrings, packStrings, unpackStrings } from './packed-strings';
import { type SealedValue, sealPersonFields } from './person-fields';

/** The sensitive values of one person row to seal (already normalized and checked). */
export type PersonToSeal = { idNumber: string; phone: string | null };
export type SealedPerson = { idNumber: SealedValue; phone: SealedValue | null };

/** Seals batches of person rows, in this thread or in a worker. */
export type PersonSealer = {
  seal(people: readonly PersonToSeal[]): Promise<SealedPerson[]>;
  close(): Promise<void>;
};

/** Seals a batch column by column: one SM4 cipher per field for the whole batch (sealPersonFields). */
export function sealPeople(ring: KeyRing, people: readonly PersonToSeal[]): SealedPerson[] {
  const idNumbers = sealPersonFields(ring, 'idNumber', people.map((person) => person.idNumber));
  const withPhone = people.flatMap((person, index) => (person.phone ? [index] : []));
  const phones = sealPersonFields(ring, 'phone', withPhone.map((index) => people[index]!.phone!));
  const phoneOf = new Map(withPhone.map((index, position) => [index, phones[position]!]));
  return people.map((_, index) => ({ idNumber: idNumbers[index]!, phone: phoneOf.get(index) ?? null }));
}

/** A batch on its way to the worker: the ID numbers and the phones (null: none). */
export type PackedPeople = { idNumbers: PackedStrings; phones: PackedStrings };
/** Its sealed values on the way back, a column each: ID number envelope, index, mask; phone envelope, index, mask. */
export type PackedSealed = PackedStrings[];

export function packPeople(people: readonly PersonToSeal[]): PackedPeople {
  return { idNumbers: packStrings(people.map((person) => person.idNumber)), phones: packStrings(people.map((person) => person.phone)) };
}

export function unpackPeople(packed: PackedPeople): PersonToSeal[] {
  const phones = unpackStrings(packed.phones);
  return unpackStrings(packed.idNumbers).map((idNumber, index) => ({ idNumber: idNumber!, phone: phones[index] ?? null }));
}

export function packSealed(sealed: readonly SealedPerson[]): PackedSealed {
  const column = (pick: (person: SealedPerson) => string | null) => packStrings(sealed.map(pick));
  return [
    column((person) => person.idNumber.envelope),
    column((person) => person.idNumber.index),
    column((person) => person.idNumber.masked),
    column((person) => person.phone?.envelope ?? null),
    column((person) => person.phone?.index ?? null),
    column((person) => person.phone?.masked ?? null),
  ];
}

function unpackSealed(packed: PackedSealed): SealedPerson[] {
  const [idEnvelope, idIndex, idMasked, phoneEnvelope, phoneIndex, phoneMasked] = packed.map(unpackStrings) as Array<Array<string | null>>;
  return idEnvelope!.map((envelope, row) => ({
    idNumber: { envelope: envelope!, index: idIndex![row]!, masked: idMasked![row]! },
    phone: phoneEnvelope![row] === null ? null : { envelope: phoneEnvelope![row]!, index: phoneIndex![row]!, masked: phoneMasked![row]! },
  }));
}

/** In this thread: for small batches, where a worker's start (~0.2 s) costs more than it saves. */
export function inlinePersonSealer(ring: KeyRing): PersonSealer {
  return { seal: async (people) => sealPeople(ring, people), close: async () => {} };
}

/** tsx's ESM register API (its `import` export), found from this file, not from the working directory. */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

type Reply = { id: number; sealed?: PackedSealed; error?: string };

/**
 * In a worker thread: an import seals two fields per row (SM4 envelope, two
 * HMAC-SM3 digests each), about four fifths of the main thread's work per row.
 * In a worker it overlaps reading and validating the next batch and the
 * database writing the previous one. The worker gets the key ring when it
 * starts (workerData, a copy in this process's memory: keys never leave it).
 */
export function workerPersonSealer(ring: KeyRing): PersonSealer {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./person-seal-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  // Run from source (tsx, vitest), the worker registers tsx (a dependency) in its own thread first:
  // loader hooks of this thread do not reach a worker on Node 20.
  // A batch in and its envelopes out are a few megabytes: a small heap keeps the import under its memory target.
  const options = { workerData: { ring }, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 32 } };
  const worker = source
    ? new Worker(`import { register } from ${JSON.stringify(tsxApi())}; register(); await import(${JSON.stringify(entry.href)});`, { eval: true, ...options })
    : new Worker(entry, options);
  const pending = new Map<number, { resolve: (sealed: SealedPerson[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failed: Error | null = null;
  const failAll = (error: Error) => {
    failed = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if (reply.sealed) waiting.resolve(unpackSealed(reply.sealed));
    else waiting.reject(new Error(reply.error ?? '加密子线程未返回结果'));
  });
  worker.on('error', (error) => failAll(error));
  // Closed or crashed: what is waiting fails, and so does every later batch (nothing waits forever).
  worker.on('exit', (code) => failAll(failed ?? new Error(`加密子线程已退出（${code}）`)));
  return {
    seal: (people) => {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise<SealedPerson[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, people: packPeople(people) });
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
