import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_FORM_LABELS } from '../../contract';
import {
  EDUCATION,
  EMPLOYMENT_FORM,
  ETHNICITY,
  ETHNICITY_CODES,
  ETHNICITY_LABELS,
  GENDER,
  HOUSEHOLD_TYPE,
  POLITICAL_STATUS,
  lookupVocabulary,
  vocabularyKey,
} from '../../vocabulary';

describe('controlled vocabularies', () => {
  it('has the 56 民族 of GB/T 3304, codes 01–56', () => {
    const codes = ETHNICITY_CODES;
    expect(codes).toHaveLength(56);
    expect(codes.every((code, index) => code === String(index + 1).padStart(2, '0'))).toBe(true);
    expect(codes[0]).toBe('01');
    expect(codes.at(-1)).toBe('56');
    expect(ETHNICITY_LABELS['56']).toBe('基诺族');
  });

  it('normalizes before looking up: spaces, full width, case', () => {
    expect(vocabularyKey(' 汉　族 ')).toBe('汉族');
    expect(vocabularyKey('研究生（含博士、硕士）')).toBe('研究生(含博士、硕士)');
    expect(lookupVocabulary(EDUCATION, ' 研究生（含博士、硕士） ')).toBe('postgraduate');
    expect(lookupVocabulary(GENDER, '男 ')).toBe('male');
    expect(lookupVocabulary(GENDER, '未知')).toBeNull();
  });

  it('accepts names with and without 族, the code, and former names', () => {
    expect(lookupVocabulary(ETHNICITY, '汉族')).toBe('01');
    expect(lookupVocabulary(ETHNICITY, '汉')).toBe('01');
    expect(lookupVocabulary(ETHNICITY, '维吾尔')).toBe('05');
    expect(lookupVocabulary(ETHNICITY, '01')).toBe('01');
    expect(lookupVocabulary(ETHNICITY, '崩龙族')).toBe('46');
    expect(lookupVocabulary(ETHNICITY, '穿青人')).toBeNull();
  });

  it('maps education synonyms', () => {
    const cases = {
      本科: 'bachelor',
      大专: 'college',
      专科: 'college',
      硕士: 'postgraduate',
      博士: 'postgraduate',
      研究生: 'postgraduate',
      中专: 'secondary_vocational',
      技校: 'secondary_vocational',
      职高: 'secondary_vocational',
      高中: 'high_school',
      初中: 'junior_high',
      小学: 'junior_high',
      初中及以下: 'junior_high',
    };
    for (const [text, code] of Object.entries(cases)) expect(lookupVocabulary(EDUCATION, text), text).toBe(code);
  });

  it('maps political status (GB/T 4762) and household type synonyms', () => {
    expect(lookupVocabulary(POLITICAL_STATUS, '党员')).toBe('cpc_member');
    expect(lookupVocabulary(POLITICAL_STATUS, '预备党员')).toBe('cpc_probationary');
    expect(lookupVocabulary(POLITICAL_STATUS, '团员')).toBe('cyl_member');
    expect(lookupVocabulary(POLITICAL_STATUS, '九三学社社员')).toBe('democratic_party');
    expect(lookupVocabulary(POLITICAL_STATUS, '群众')).toBe('masses');
    expect(lookupVocabulary(HOUSEHOLD_TYPE, '农村')).toBe('agricultural');
    expect(lookupVocabulary(HOUSEHOLD_TYPE, '居民')).toBe('non_agricultural');
    expect(lookupVocabulary(HOUSEHOLD_TYPE, '城镇')).toBe('non_agricultural');
  });

  it('maps employment form labels and synonyms', () => {
    for (const [code, text] of Object.entries(EMPLOYMENT_FORM_LABELS)) expect(lookupVocabulary(EMPLOYMENT_FORM, text)).toBe(code);
    const cases = {
      合同制: 'standard',
      在编: 'standard',
      派遣: 'dispatched',
      非全日制: 'flexible',
      快递小哥: 'courier',
      外卖骑手: 'food_delivery',
      骑手: 'food_delivery',
      网约配送员: 'food_delivery',
      网约车: 'ride_hailing_driver',
      卡车司机: 'truck_driver',
      护理员: 'caregiver',
      家政: 'domestic_worker',
      保安: 'security_guard',
    };
    for (const [text, code] of Object.entries(cases)) expect(lookupVocabulary(EMPLOYMENT_FORM, text), text).toBe(code);
  });
});
