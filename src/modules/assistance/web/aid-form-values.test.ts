import { describe, expect, it } from 'vitest';
import { ZCreateAidRecord, ZCreateCampaign } from '../aid-contract';
import { capBreach } from '../rules/aid-caps';
import { aidRecordBody, beijingToday, campaignBody, placeAidErrors, placeCampaignErrors } from './aid-form-values';

describe('aidRecordBody (the 登记帮扶 drawer to the request)', () => {
  it('sends a cash 生活救助 without the 助学 or in-kind fields, and the contract takes it', () => {
    const body = aidRecordBody(9, {
      payingOrgUnitId: 4, category: 'living', isGoldenAutumn: true, educationStage: 'senior', studentMemberId: 3, fundingSource: 'fiscal',
      kind: 'cash', itemDescription: '米面油', quantity: 2, amount: 1200.5, aidDate: '2026-11-24', note: '  ',
    });
    expect(body).toEqual({ householdId: 9, payingOrgUnitId: 4, category: 'living', isGoldenAutumn: false, fundingSource: 'fiscal', kind: 'cash', amount: 1200.5, aidDate: '2026-11-24' });
    expect(ZCreateAidRecord.safeParse(body).success).toBe(true);
  });

  it('sends 金秋助学 with its student and stage, and an in-kind delivery with item and quantity', () => {
    const school = aidRecordBody(9, { payingOrgUnitId: 4, category: 'education', isGoldenAutumn: true, educationStage: 'senior', studentMemberId: 3, fundingSource: 'social', amount: 3000, aidDate: '2026-09-01' });
    expect(school).toMatchObject({ category: 'education', isGoldenAutumn: true, educationStage: 'senior', studentMemberId: 3, kind: 'cash' });
    expect(ZCreateAidRecord.safeParse(school).success).toBe(true);
    const goods = aidRecordBody(9, { payingOrgUnitId: 4, category: 'warmth', fundingSource: 'union_funds', kind: 'in_kind', itemDescription: ' 米面油礼包 ', quantity: 1, amount: 300, aidDate: '2026-12-28' });
    expect(goods).toMatchObject({ kind: 'in_kind', itemDescription: '米面油礼包', quantity: 1 });
    expect(ZCreateAidRecord.safeParse(goods).success).toBe(true);
  });

  it('leaves a cleared amount out, so the server names the field', () => {
    const body = aidRecordBody(9, { payingOrgUnitId: 4, category: 'living', fundingSource: 'fiscal', amount: null, aidDate: '2026-11-24' });
    expect('amount' in body).toBe(false);
    const parsed = ZCreateAidRecord.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['amount']);
  });
});

describe('placeAidErrors (the server refusal on the drawer)', () => {
  it('puts the cap refusal (cap, year, given, room) on the amount field the server names, never by reading its words', () => {
    const { message } = capBreach([{ label: '每户每年帮扶合计', limitFen: 3_000_000n, givenFen: 2_980_000n }], 50_000n, 2026)!;
    expect(placeAidErrors({ message, field: 'amount', details: [] })).toEqual({ placed: [{ name: ['amount'], errors: [message] }], unplaced: [] });
    // The same words without the field stay in the alert: the placement keys on the field alone.
    expect(placeAidErrors({ message })).toEqual({ placed: [], unplaced: [message] });
  });

  it('puts field errors on their fields and any other conflict in the alert', () => {
    expect(placeAidErrors({ message: '实物帮扶请填写实物名称及规格', field: 'itemDescription' }).placed).toEqual([{ name: ['itemDescription'], errors: ['实物帮扶请填写实物名称及规格'] }]);
    expect(placeAidErrors({ message: '该家庭档案状态为“待提交”，只有已建档的困难职工家庭才能接受帮扶' })).toEqual({
      placed: [],
      unplaced: ['该家庭档案状态为“待提交”，只有已建档的困难职工家庭才能接受帮扶'],
    });
  });
});

describe('campaignBody and placeCampaignErrors (the 新建活动 drawer)', () => {
  it('sends a 送温暖 campaign with only the tier amounts given, and the contract takes it', () => {
    const body = campaignBody({
      name: ' 2027 年元旦春节送温暖 ', payingOrgUnitId: 3, category: 'warmth', educationStage: 'senior', fundingSource: 'union_funds',
      standardAmount: 300, deepAmount: 500, relativeAmount: null, budget: 1500, aidDate: '2026-12-28',
    });
    expect(body).toEqual({
      name: '2027 年元旦春节送温暖', payingOrgUnitId: 3, category: 'warmth', isGoldenAutumn: false, fundingSource: 'union_funds', kind: 'cash',
      standardAmount: 300, tierAmounts: { deep: 500 }, budget: 1500, aidDate: '2026-12-28',
    });
    expect(ZCreateCampaign.safeParse(body).success).toBe(true);
  });

  it('places a tier amount refusal on its own input', () => {
    const { placed } = placeCampaignErrors({ message: '深度困难家庭标准应大于 0', field: 'tierAmounts.deep' });
    expect(placed).toEqual([{ name: ['deepAmount'], errors: ['深度困难家庭标准应大于 0'] }]);
  });
});

describe('beijingToday', () => {
  it('is the Beijing calendar day, which starts at 16:00 UTC', () => {
    expect(beijingToday(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23');
    expect(beijingToday(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});
