/**
 * `parsePlan(text)`: an issued document's text (pasted, or read from .txt,
 * .docx or .pdf) as a structured draft — metadata, sections, numbered
 * measures and their quantified targets. Pure, never throws, linear in the
 * text: at worst a document with no headings is one unnumbered measure, and
 * a measure whose figures it cannot read has no targets (a qualitative task).
 */
import type { TPlanDraft, TPlanMeasure, TPlanSection } from '../draft-contract';
import { buildOutline, type OutlineNode } from './headings';
import { extractMeta } from './meta';
import { normalizeText } from './normalize-text';
import { extractTargets } from './targets';

const SENTENCE_END = /[。！？!?]/;
const MAX_TITLE = 80;

/** Whether a heading carries text of its own beyond a one-sentence title: 1.创新开展劳动和技能竞赛。围绕… */
function hasBody(node: OutlineNode): boolean {
  if (node.lines.length > 1) return true;
  const first = node.lines[0] ?? '';
  const end = first.search(SENTENCE_END);
  return end >= 0 && end < first.length - 1;
}

/**
 * A measure is a heading without sub-headings, or one with a body whose
 * sub-headings are one-line items ((1)…；(2)…。 under 第三条): those are folded
 * into its text. A heading whose children carry bodies of their own is a
 * section, however much it says itself.
 */
function isMeasure(node: OutlineNode): boolean {
  if (node.children.length === 0) return true;
  return hasBody(node) && node.children.every((child) => child.children.length === 0 && !hasBody(child));
}

/** The first sentence up to its 。, or the first line when it has none. */
export function titleOf(text: string): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const end = firstLine.search(SENTENCE_END);
  const title = (end >= 0 ? firstLine.slice(0, end) : firstLine).replace(/[：:；;，,、]+$/, '');
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE)}…` : title;
}

function foldedLines(node: OutlineNode, into: string[]): void {
  for (const child of node.children) {
    const [first = '', ...rest] = child.lines;
    into.push(`${child.marker?.raw ?? ''}${first}`, ...rest);
    foldedLines(child, into);
  }
}

function toMeasure(no: string, lines: readonly string[]): TPlanMeasure {
  const text = lines.join('\n');
  return { no, title: titleOf(text), text, targets: extractTargets(text) };
}

function measureOf(node: OutlineNode): TPlanMeasure {
  const lines = [...node.lines];
  foldedLines(node, lines);
  return toMeasure(node.marker?.label ?? '', lines);
}

/**
 * Text that belongs to no measure (a preamble, a section's lead-in) is
 * dropped as framing — unless it names a target, which then becomes an
 * unnumbered measure so that no figure is lost.
 */
function looseMeasure(lines: readonly string[]): TPlanMeasure | null {
  if (lines.length === 0) return null;
  const measure = toMeasure('', lines);
  return measure.targets.length > 0 ? measure : null;
}

function sectionOf(node: OutlineNode): TPlanSection {
  const [heading = '', ...lead] = node.lines;
  const section: TPlanSection = { no: node.marker?.label ?? null, title: heading.replace(/[。：:]+$/, ''), measures: [] };
  const loose = looseMeasure(lead);
  if (loose) section.measures.push(loose);
  const subsections: TPlanSection[] = [];
  for (const child of node.children) {
    if (isMeasure(child)) section.measures.push(measureOf(child));
    else subsections.push(sectionOf(child));
  }
  if (subsections.length > 0) section.sections = subsections;
  return section;
}

/** Top-level sections; measures outside any section are gathered, in order, into sections without a heading. */
function sectionsOf(root: OutlineNode): TPlanSection[] {
  const sections: TPlanSection[] = [];
  let loose: TPlanSection | null = null;
  const looseSection = () => {
    if (loose === null) {
      loose = { no: null, title: null, measures: [] };
      sections.push(loose);
    }
    return loose;
  };
  const preamble = looseMeasure(root.lines);
  if (preamble) looseSection().measures.push(preamble);
  for (const child of root.children) {
    if (isMeasure(child)) {
      looseSection().measures.push(measureOf(child));
    } else {
      sections.push(sectionOf(child));
      loose = null;
    }
  }
  // A document without any heading is one measure: its whole text.
  if (root.children.length === 0 && sections.length === 0 && root.lines.length > 0) {
    sections.push({ no: null, title: null, measures: [toMeasure('', root.lines)] });
  }
  return sections;
}

export function parsePlan(text: string): TPlanDraft {
  const lines = normalizeText(text);
  const { meta, used } = extractMeta(lines);
  const body = lines.filter((_, index) => !used.has(index));
  return { meta, sections: sectionsOf(buildOutline(body)) };
}
