/**
 * Array parameters in PostgreSQL's binary wire format (array_recv: a header,
 * then each element as a 4-byte length and its bytes). node-postgres and
 * PGlite send a Buffer parameter as binary, so `${textArray(values)}::text[]`
 * in a query is one column of a bulk insert (unnest) with no text to escape
 * or parse.
 *
 * Why: for the member import's ~17 columns per row, node-postgres built array
 * literals by string concatenation — 35 % of everything the import allocated,
 * and the garbage collection that came with it — and the server parsed them
 * back character by character. A Buffer is written once and lives outside the
 * JavaScript heap.
 */

// pg_type OIDs of the element types (stable since PostgreSQL 7).
const INT4 = 23;
const TEXT = 25;
const DATE = 1082;
const HEADER = 20;
/** Days from 1970-01-01 to PostgreSQL's date epoch, 2000-01-01. */
const POSTGRES_EPOCH_DAYS = 10_957;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or null if it is none (2023-02-30). */
function isoDateToDays(text: string): number | null {
  const parts = ISO_DATE.exec(text);
  if (!parts) return null;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays) return null;
  // Days from civil (H. Hinnant): exact for every proleptic Gregorian year, no Date object.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function writeHeader(buffer: Buffer, elementType: number, count: number, hasNull: boolean): void {
  buffer.writeInt32BE(1, 0); // dimensions
  buffer.writeInt32BE(hasNull ? 1 : 0, 4);
  buffer.writeInt32BE(elementType, 8);
  buffer.writeInt32BE(count, 12);
  buffer.writeInt32BE(1, 16); // lower bound
}

/** A `text[]` parameter. */
export function textArray(values: ReadonlyArray<string | null>): Buffer {
  // Sized for one byte a character (most of what we send is ASCII), grown when a value may not
  // fit: an upper bound of 3 bytes a character left megabytes per batch for the collector to free.
  // `rest`: what the values not yet written take at one byte a character.
  let rest = 0;
  for (const value of values) rest += 4 + (value === null ? 0 : value.length);
  let buffer = Buffer.allocUnsafe(HEADER + rest);
  let hasNull = false;
  let at = HEADER;
  for (const value of values) {
    if (value === null) {
      buffer.writeInt32BE(-1, at);
      at += 4;
      rest -= 4;
      hasNull = true;
      continue;
    }
    rest -= 4 + value.length;
    const room = buffer.length - at - 4 - rest;
    if (value.length * 3 > room) {
      const needed = Buffer.byteLength(value, 'utf8');
      if (needed > room) {
        const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, at + 4 + needed + rest));
        buffer.copy(grown, 0, 0, at);
        buffer = grown;
      }
    }
    const length = buffer.write(value, at + 4, 'utf8');
    buffer.writeInt32BE(length, at);
    at += 4 + length;
  }
  writeHeader(buffer, TEXT, values.length, hasNull);
  return buffer.length === at ? buffer : buffer.subarray(0, at);
}

/** An `int[]` (int4) parameter; every value must be a 32-bit integer. */
export function intArray(values: ReadonlyArray<number | null>): Buffer {
  return fourByteArray(values, INT4, (value) => {
    if (!Number.isInteger(value) || value < -2_147_483_648 || value > 2_147_483_647) throw new RangeError(`not a 32-bit integer: ${value}`);
    return value;
  });
}

/** A `date[]` parameter from `YYYY-MM-DD` strings (sent as days since 2000-01-01). */
export function dateArray(values: ReadonlyArray<string | null>): Buffer {
  return fourByteArray(values, DATE, (value) => {
    const days = isoDateToDays(value);
    if (days === null) throw new RangeError(`not a date: ${value}`);
    return days - POSTGRES_EPOCH_DAYS;
  });
}

/** An array of a type whose binary form is one 4-byte integer (int4, date), each value encoded by `toInt32`. */
function fourByteArray<T>(values: ReadonlyArray<T | null>, elementType: number, toInt32: (value: T) => number): Buffer {
  const buffer = Buffer.allocUnsafe(HEADER + values.length * 8);
  let hasNull = false;
  let at = HEADER;
  for (const value of values) {
    if (value === null) {
      buffer.writeInt32BE(-1, at);
      at += 4;
      hasNull = true;
      continue;
    }
    buffer.writeInt32BE(4, at);
    buffer.writeInt32BE(toInt32(value), at + 4);
    at += 8;
  }
  writeHeader(buffer, elementType, values.length, hasNull);
  return buffer.subarray(0, at);
}
