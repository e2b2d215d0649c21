import { useEffect, useMemo, useRef } from 'react';
import { t } from '../../../web/i18n';
import { findSourceSpan } from './source-span';

/**
 * 原文: the document as imported, with the selected measure's text marked and
 * scrolled into view (the reviewer compares what the parser made of it).
 */
export function SourceText({ source, highlight }: { source: string; highlight: string | undefined }) {
  const span = useMemo(() => (highlight ? findSourceSpan(source, highlight) : null), [source, highlight]);
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    // Scroll the text pane only (scrollIntoView would move the whole page too); the pane is the mark's offsetParent.
    const element = mark.current;
    const pane = element?.parentElement;
    if (!element || !pane) return;
    pane.scrollTo({ top: Math.max(0, element.offsetTop - pane.clientHeight / 3), behavior: 'smooth' });
  }, [span]);
  if (!span) {
    return (
      <pre className="plans-source" data-testid="plan-source">
        {source || t('plans.review.noSource')}
      </pre>
    );
  }
  return (
    <pre className="plans-source" data-testid="plan-source">
      {source.slice(0, span.start)}
      <mark ref={mark} data-testid="plan-source-mark">
        {source.slice(span.start, span.end)}
      </mark>
      {source.slice(span.end)}
    </pre>
  );
}
