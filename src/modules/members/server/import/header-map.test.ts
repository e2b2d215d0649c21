import { describe, expect, it } from 'vitest';
import { matchHeader } from './header-map';

describe('matchHeader', () => {
  it('matches labels and synonyms in any order, reporting unknown columns', () => {
    const match = matchHeader(['序号', '手机号', '身份证号码', '会员姓名', '文化程度', '所在平台', '备注', '']);
    expect(match.ok).toBe(true);
    if (!match.ok) return;
    expect(Object.fromEntries(match.columns)).toEqual({
      phone: 1,
      idNumber: 2,
      name: 3,
      education: 4,
      employer: 5,
    });
    expect(match.ignored).toEqual(['序号', '备注']);
  });

  it('ignores case, spaces, full-width characters and required marks', () => {
    const match = matchHeader(['姓 名*', '＊公民身份号码', '手机号码（必填）', '工作单位／平台', '入会时间(必填)', ' 所属工会代码 ']);
    expect(matchHeader(['证件号码', '名字']).ok).toBe(true);
    expect(match.ok && Object.fromEntries(match.columns)).toEqual({
      name: 0,
      idNumber: 1,
      phone: 2,
      employer: 3,
      joinedOn: 4,
      org: 5,
    });
  });

  it('knows every synonym the template documents', () => {
    const headers = [
      ['名字', 'name'],
      ['移动电话', 'phone'],
      ['出生年月', 'birthDate'],
      ['生日', 'birthDate'],
      ['户口性质', 'householdType'],
      ['用工形式', 'employmentForm'],
      ['职工类别', 'employmentForm'],
      ['工种', 'occupation'],
      ['会员卡号', 'cardNumber'],
      ['工会名称', 'org'],
    ] as const;
    for (const [text, key] of headers) {
      const match = matchHeader([key === 'name' ? '工号' : '姓名', '身份证', text]);
      expect(match.ok && match.columns.get(key), text).toBe(2);
    }
  });

  it('refuses two columns for one field, naming both', () => {
    const match = matchHeader(['姓名', '身份证号', '公民身份号码']);
    expect(match).toEqual({
      ok: false,
      message: '表头有重复的列：“身份证号”和“公民身份号码”都表示“公民身份号码”，请只保留一列',
    });
  });

  it('names the missing required columns in Chinese', () => {
    const match = matchHeader(['手机', '性别']);
    expect(match.ok).toBe(false);
    if (!match.ok) expect(match.message).toContain('表头缺少必填列：姓名、公民身份号码');
  });
});
