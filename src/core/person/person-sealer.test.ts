import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../cn/id-number';
import { maskIdNumber } from '../cn/mask';
import { testPlatformKeys } from '../platform/test-keys';
import { openPersonField, personFieldIndex } from './person-fields';
import { inlinePersonSealer, type PersonSealer, type PersonToSeal, workerPersonSealer } from './person-sealer';

const { ring } = testPlatformKeys();
const people: PersonToSeal[] = Array.from({ length: 300 }, (_, index) => ({
  idNumber: makeIdNumber('610113', '1990-01-01', index),
  phone: index % 3 === 0 ? null : `1390000${String(index).padStart(4, '0')}`,
}));

async function expectSealsOpen(sealer: PersonSealer) {
  try {
    const sealed = await sealer.seal(people);
    expect(sealed).toHaveLength(people.length);
    sealed.forEach((row, index) => {
      const person = people[index]!;
      // Envelopes open with this process's key ring to the value sent; the blind index is the one lookups compute.
      expect(openPersonField(ring, 'idNumber', row.idNumber.envelope)).toBe(person.idNumber);
      expect(row.idNumber.index).toBe(personFieldIndex(ring, 'idNumber', person.idNumber));
      expect(row.idNumber.masked).toBe(maskIdNumber(person.idNumber));
      if (person.phone === null) expect(row.phone).toBeNull();
      else {
        expect(openPersonField(ring, 'phone', row.phone!.envelope)).toBe(person.phone);
        expect(row.phone!.index).toBe(personFieldIndex(ring, 'phone', person.phone));
      }
    });
    // Sealing is not deterministic: the same value sealed twice gives two envelopes.
    const again = await sealer.seal(people.slice(0, 1));
    expect(again[0]!.idNumber.envelope).not.toBe(sealed[0]!.idNumber.envelope);
  } finally {
    await sealer.close();
  }
}

describe('person sealer', () => {
  it('seals in this thread: envelopes open, blind indexes match the lookup index', async () => {
    await expectSealsOpen(inlinePersonSealer(ring));
  });

  it('seals in a worker thread with the same keys, batches answered in the order asked', async () => {
    await expectSealsOpen(workerPersonSealer(ring));
  });

  it('answers batches sent at once each with its own rows', async () => {
    const sealer = workerPersonSealer(ring);
    try {
      const [first, second] = await Promise.all([sealer.seal(people.slice(0, 10)), sealer.seal(people.slice(10, 15))]);
      expect(first.map((row) => openPersonField(ring, 'idNumber', row.idNumber.envelope))).toEqual(people.slice(0, 10).map((p) => p.idNumber));
      expect(second.map((row) => openPersonField(ring, 'idNumber', row.idNumber.envelope))).toEqual(people.slice(10, 15).map((p) => p.idNumber));
    } finally {
      await sealer.close();
    }
  });

  it('rejects a batch the worker cannot seal, with the reason, and goes on with the next', async () => {
    const sealer = workerPersonSealer(ring);
    try {
      // A lone surrogate does not round-trip through UTF-8: sealField refuses it.
      await expect(sealer.seal([{ idNumber: '\uD800', phone: null }])).rejects.toThrow(/不成对/);
      expect(await sealer.seal(people.slice(0, 2))).toHaveLength(2);
    } finally {
      await sealer.close();
    }
  });

  it('fails pending and later batches once the worker is gone', async () => {
    const sealer = workerPersonSealer(ring);
    await sealer.close();
    await expect(sealer.seal(people.slice(0, 1))).rejects.toThrow();
  });
});
