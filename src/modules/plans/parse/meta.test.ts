import { describe, expect, it } from 'vitest';
import { extractMeta, normalizeDocNumber, splitRecipients } from './meta';
import { normalizeText } from './normalize-text';

const metaOf = (text: string) => extractMeta(normalizeText(text)).meta;

describe('document metadata', () => {
  it.each([
    '陕工办发〔2023〕12号',
    '陕工办发 [ 2023 ] 12 号',
    '陕工办发[2023]12号',
    '陕工办发（2023）12号',
    '陕工办发(2023)012号',
    '陕工办发【2023】12号',
    '陕工办发〔２０２３〕１２号',
  ])('normalises the document number %s to 陕工办发〔2023〕12号', (written) => {
    expect(normalizeDocNumber(normalizeText(written)[0] ?? '')).toBe('陕工办发〔2023〕12号');
  });

  it('splits recipients at ， and at 、 before another 各…, but keeps 省总各部门、直属单位 together', () => {
    expect(splitRecipients('各市（区）总工会，各省级产业工会，单列单位工会，省总各部门、直属单位：')).toEqual([
      '各市（区）总工会',
      '各省级产业工会',
      '单列单位工会',
      '省总各部门、直属单位',
    ]);
    expect(splitRecipients('各市总工会、各产业工会；机关各部门')).toEqual(['各市总工会', '各产业工会', '机关各部门']);
    expect(splitRecipients('主送：各县（区）总工会。')).toEqual(['各县（区）总工会']);
  });

  it('reads a 红头 notice: issuer from "…文件", number, notice title, recipients, the attached plan’s title', () => {
    const { meta, used } = extractMeta(
      normalizeText(
        '陕西省总工会办公室文件\n陕工办发〔2023〕12号\n关于印发《甲工作方案》的通知\n各市（区）总工会，省总各部门、直属单位：\n现将《甲工作方案》印发给你们。\n一、总体要求',
      ),
    );
    expect(meta).toEqual({
      title: '甲工作方案',
      issuer: '陕西省总工会办公室',
      docNumber: '陕工办发〔2023〕12号',
      date: null,
      recipients: ['各市（区）总工会', '省总各部门、直属单位'],
      noticeTitle: '关于印发《甲工作方案》的通知',
    });
    // The covering notice's own sentence is not metadata: it stays for the outline.
    expect([...used].sort()).toEqual([0, 1, 2, 3]);
  });

  it('reads the body named in the title, a parenthesised date under it, and the 版记', () => {
    const meta = metaOf('陕西省教科文卫体工会 2022 年工作要点\n（2022 年 3 月 23 日）\n一、任务\n1.做好工作。\n（此件发至各市教育（科文卫体）工会，各直属基层工会）\n陕西省教科文卫体工会委员会 2022 年 3 月 23 日 印发');
    expect(meta).toMatchObject({
      title: '陕西省教科文卫体工会2022年工作要点',
      issuer: '陕西省教科文卫体工会',
      date: '2022-03-23',
      recipients: ['各市教育（科文卫体）工会', '各直属基层工会'],
    });
  });

  it('takes the date and issuer from the 署名 and 成文日期 at the end, in figures or in Chinese numerals', () => {
    const body = '关于做好2024年工会工作的意见\n一、任务\n1.做好工作。\n';
    expect(metaOf(`${body}西安市总工会\n2024年1月5日`)).toMatchObject({ title: '关于做好2024年工会工作的意见', issuer: '西安市总工会', date: '2024-01-05' });
    expect(metaOf(`${body}西安市总工会\n二〇二四年一月十五日`)).toMatchObject({ issuer: '西安市总工会', date: '2024-01-15' });
  });

  it('answers null for what a document does not say, and for a date that does not exist', () => {
    expect(metaOf('1.做好工作。')).toEqual({ title: null, issuer: null, docNumber: null, date: null, recipients: [], noticeTitle: null });
    expect(metaOf('某某工作要点\n（2023年2月30日）\n1.做好工作。').date).toBeNull();
  });

  it('takes the issuer from the 印发 line when nothing else names it', () => {
    expect(metaOf('1.做好工作。\n宝鸡市总工会办公室 2023 年 5 月 4 日印发')).toMatchObject({ issuer: '宝鸡市总工会办公室', date: '2023-05-04' });
  });
});
