/**
 * Where a measure stands in the original text. The parser joins lines broken by
 * PDF extraction and drops stray spaces, so the measure's text is not a literal
 * substring of the source: both are compared with whitespace removed, and the
 * match is mapped back to the source's own offsets.
 */
export type SourceSpan = { start: number; end: number };

function squeeze(text: string): { squeezed: string; offsets: number[] } {
  let squeezed = '';
  const offsets: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (/\s/.test(char)) continue;
    squeezed += char;
    offsets.push(index);
  }
  return { squeezed, offsets };
}

/** The span of `text` (a measure's full text) in `source`, found by its start and its end; null when not found. */
export function findSourceSpan(source: string, text: string, from = 0): SourceSpan | null {
  const haystack = squeeze(source);
  const needle = squeeze(text).squeezed;
  if (!needle) return null;
  const fromSqueezed = haystack.offsets.findIndex((offset) => offset >= from);
  const head = needle.slice(0, Math.min(24, needle.length));
  const startAt = haystack.squeezed.indexOf(head, Math.max(0, fromSqueezed));
  if (startAt < 0) return null;
  const tail = needle.slice(-Math.min(16, needle.length));
  const tailAt = haystack.squeezed.indexOf(tail, startAt);
  const endSqueezed = tailAt >= 0 && tailAt - startAt < needle.length * 2 ? tailAt + tail.length : startAt + head.length;
  return { start: haystack.offsets[startAt]!, end: haystack.offsets[endSqueezed - 1]! + 1 };
}
