import { describe, expect, it } from 'vitest';
import { mergeMeasureText, splitMeasureText } from './measure-text';

const TEXT =
  '加强工匠人才培育选树。2023年继续评选40名“三秦工匠”，培育100名左右“陕西产业工匠人才”。办好陕西省第七届职工科技节。命名示范性创新工作室20个，工作室联盟5个。';

describe('splitting and merging measures', () => {
  it('splits at the offset, moves the indicators whose sentence lies after it and titles the new part by its first sentence', () => {
    const offset = TEXT.indexOf('办好');
    const result = splitMeasureText('加强工匠人才培育选树', TEXT, offset, [
      { id: 1, source: '2023年继续评选40名“三秦工匠”，培育100名左右“陕西产业工匠人才”。' },
      { id: 2, source: '命名示范性创新工作室20个，工作室联盟5个。' },
      { id: 3, source: null },
    ]);
    expect(result).not.toBeNull();
    expect(result!.first).toEqual({ title: '加强工匠人才培育选树', text: TEXT.slice(0, offset) });
    expect(result!.second.text).toBe(TEXT.slice(offset));
    expect(result!.second.title).toBe('办好陕西省第七届职工科技节');
    expect(result!.movedIndicatorIds).toEqual([2]);
  });

  it('refuses an offset that leaves one part without text', () => {
    expect(splitMeasureText('t', TEXT, TEXT.length, [])).toBeNull();
    expect(splitMeasureText('t', '  正文。  ', 2, [])).toBeNull();
  });

  it('retitles the first part when the split cut its title away', () => {
    const result = splitMeasureText('加强工匠人才培育选树', TEXT, 4, []);
    expect(result!.first).toEqual({ title: '加强工匠', text: '加强工匠' });
  });

  it('merges two texts as paragraphs under the earlier title', () => {
    expect(mergeMeasureText({ title: '甲', text: '甲措施。 ' }, { text: ' 乙措施。' })).toEqual({ title: '甲', text: '甲措施。\n乙措施。' });
  });
});
