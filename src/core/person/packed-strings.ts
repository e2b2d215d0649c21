/**
 * Strings sent between threads as one string and their lengths (-1 for null). A structured
 * clone copies each object and string of a batch one by one; an import's batches of 1,500
 * people, sealed in a worker, crossed as three objects and eight strings a row, which took
 * the two threads longer than packing them as two strings and two arrays of numbers.
 */
export type PackedStrings = { text: string; lengths: Int32Array };

export function packStrings(values: ReadonlyArray<string | null>): PackedStrings {
  const lengths = new Int32Array(values.length);
  values.forEach((value, index) => {
    lengths[index] = value === null ? -1 : value.length;
  });
  // join() writes a null as nothing.
  return { text: values.join(''), lengths };
}

export function unpackStrings({ text, lengths }: PackedStrings): Array<string | null> {
  const values: Array<string | null> = new Array(lengths.length);
  let at = 0;
  for (let index = 0; index < lengths.length; index += 1) {
    const length = lengths[index]!;
    if (length < 0) {
      values[index] = null;
    } else {
      values[index] = text.slice(at, at + length);
      at += length;
    }
  }
  if (at !== text.length) throw new Error(`packed strings: ${text.length - at} characters left over`);
  return values;
}
