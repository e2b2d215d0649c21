import { describe, expect, it } from 'vitest';
import { findSourceSpan } from './source-span';

describe('findSourceSpan', () => {
  it('finds a measure whose lines the PDF broke mid-sentence, and maps it back to the source offsets', () => {
    const source = '一、总体要求\n1.加强工匠人才培育选\n树。2023年继续评选40名\n“三秦工匠”。\n2.下一条。';
    const span = findSourceSpan(source, '加强工匠人才培育选树。2023年继续评选40名“三秦工匠”。');
    expect(span).not.toBeNull();
    expect(source.slice(span!.start, span!.end)).toBe('加强工匠人才培育选\n树。2023年继续评选40名\n“三秦工匠”。');
  });

  it('starts looking at `from`, so a repeated sentence is found where the later measure stands', () => {
    const source = '1.做好工作。\n2.做好工作。';
    expect(findSourceSpan(source, '做好工作。', 3)).toEqual({ start: 10, end: 15 });
  });

  it('answers null for text the source does not hold', () => {
    expect(findSourceSpan('一、总体要求', '不存在的措施')).toBeNull();
    expect(findSourceSpan('一、总体要求', '  ')).toBeNull();
  });
});
