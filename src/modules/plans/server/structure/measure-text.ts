import { titleOf } from '../../parse/parse-plan';

/**
 * The pure parts of splitting and merging measures on the review screen
 * (issue 5: "staff correct titles, split/merge measures"), so they can be
 * tested without a database.
 */

export type SplitIndicator = { id: number; source: string | null };

export type SplitResult = {
  first: { title: string; text: string };
  second: { title: string; text: string };
  /** Indicators whose source sentence lies in the second part: they follow it. */
  movedIndicatorIds: number[];
};

/**
 * Splits `text` at `offset` (a JavaScript string index): the text before it
 * stays, the rest becomes a new measure; both are trimmed and must keep some
 * text. Null when the offset leaves one side empty. The first part keeps its
 * title while the title still reads at its start; the new part takes its
 * first sentence as its title, as the parser does.
 */
export function splitMeasureText(title: string, text: string, offset: number, indicators: readonly SplitIndicator[]): SplitResult | null {
  const head = text.slice(0, offset).trim();
  const tail = text.slice(offset).trim();
  if (head === '' || tail === '') return null;
  const movedIndicatorIds = indicators
    .filter((indicator) => {
      if (!indicator.source) return false;
      const at = text.indexOf(indicator.source);
      return at >= offset;
    })
    .map((indicator) => indicator.id);
  const keepsTitle = title !== '' && head.startsWith(title.replace(/…$/, ''));
  return {
    first: { title: keepsTitle ? title : titleOf(head) || head.slice(0, 80), text: head },
    second: { title: titleOf(tail) || tail.slice(0, 80), text: tail },
    movedIndicatorIds,
  };
}

/** Merging a measure into the one before it: the texts joined as paragraphs; the earlier title stays. */
export function mergeMeasureText(previous: { title: string; text: string }, next: { text: string }): { title: string; text: string } {
  return { title: previous.title, text: `${previous.text.trimEnd()}\n${next.text.trimStart()}` };
}
