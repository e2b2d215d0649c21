import { describe, expect, it } from 'vitest';
import type { TMeasureStanding, TRollup } from '../../contract';
import { buildStatusReportModel, chineseDate, excerpt, type StatusReportInput } from './status-report-model';

const green: TMeasureStanding = { light: 'green', reason: '正常推进', isOverdue: false, isAtRisk: false, progress: 'on_track', completion: 75, reports: { submitted: 0, accepted: 2, returned: 0 } };
const overdue: TMeasureStanding = { light: 'red', reason: '已超过完成时限（2026-06-30）仍未完成', isOverdue: true, isAtRisk: false, progress: null, completion: null, reports: { submitted: 0, accepted: 0, returned: 0 } };
const atRisk: TMeasureStanding = { light: 'amber', reason: '填报单位报告存在风险', isOverdue: false, isAtRisk: true, progress: 'at_risk', completion: 40, reports: { submitted: 1, accepted: 0, returned: 0 } };

/**
 * 省总 issued a plan to 西安 and 宝鸡. Section 一 has measure 1 (quantified:
 * 40 三秦工匠, 35 passed on, 17 achieved) directly and measure 2 in its
 * sub-heading （一）; section 二 has measure 3 (qualitative, overdue at the
 * province and at 宝鸡); section 三 has no measure.
 */
function input(overrides: Partial<StatusReportInput> = {}): StatusReportInput {
  const rollup: TRollup = {
    planId: 9,
    orgUnit: { id: 1, name: '陕西省总工会' },
    asOf: '2026-07-05T01:00:00.000Z',
    children: [
      { id: 2, name: '西安市总工会', type: 'city', acknowledgedAt: '2026-03-11T01:00:00.000Z', completion: 68, counts: { green: 2, amber: 0, red: 1, overdue: 1 } },
      { id: 4, name: '咸阳市总工会', type: 'city', acknowledgedAt: '2026-03-11T01:00:00.000Z', completion: 68, counts: { green: 3, amber: 0, red: 0, overdue: 0 } },
      { id: 3, name: '宝鸡市总工会', type: 'city', acknowledgedAt: null, completion: null, counts: { green: 1, amber: 1, red: 1, overdue: 1 } },
    ],
    sections: [
      { id: 10, no: '一', title: '推进产业工人队伍建设改革', parentId: null },
      { id: 11, no: '（一）', title: '工匠培育', parentId: 10 },
      { id: 20, no: '二', title: '维护职工权益', parentId: null },
      { id: 30, no: '三', title: '加强自身建设', parentId: null },
    ],
    measures: [
      {
        id: 101,
        sectionId: 10,
        no: '1',
        title: '评选三秦工匠',
        isLocal: false,
        deadline: '2026-12-31',
        leadDepartment: '经济技术部',
        at: green,
        indicators: [
          {
            id: 1001,
            subject: '三秦工匠',
            unit: '人',
            comparator: 'gte',
            approx: false,
            planValue: 40,
            isBound: false,
            at: { target: 40, achieved: 17, completion: 42.5, isMet: false, source: 'reports', allocated: 35, remaining: 5, isUnderAllocated: true, warning: null },
            children: [
              { orgUnitId: 2, allocation: 25, target: 25, achieved: 17, completion: 68, isMet: false, source: 'reports' },
              { orgUnitId: 4, allocation: null, target: null, achieved: null, completion: null, isMet: false, source: 'reports' },
              { orgUnitId: 3, allocation: 10, target: 10, achieved: null, completion: null, isMet: false, source: 'reports' },
            ],
          },
        ],
        children: [
          { ...green, orgUnitId: 2, completion: 68 },
          { ...green, orgUnitId: 4 },
          { ...atRisk, orgUnitId: 3 },
        ],
      },
      { id: 102, sectionId: 11, no: '2', title: '建设创新工作室', isLocal: false, deadline: null, leadDepartment: null, at: { ...green, completion: 100 }, indicators: [], children: [] },
      {
        id: 103,
        sectionId: 20,
        no: '3',
        title: '开展集体协商',
        isLocal: false,
        deadline: '2026-06-30',
        leadDepartment: null,
        at: overdue,
        indicators: [],
        children: [
          { ...green, orgUnitId: 2 },
          { ...green, orgUnitId: 4 },
          { ...overdue, orgUnitId: 3 },
        ],
      },
    ],
    summary: { measures: 3, green: 2, amber: 0, red: 1, overdue: 1, atRisk: 0, completion: 71.3 },
  };
  return {
    rollup,
    plan: { title: '2026年全省工会工作要点', docNumber: '陕工办发〔2026〕3号', issuer: '陕西省总工会办公室', ownerName: '陕西省总工会', recipients: ['各市（区）总工会'] },
    issuedBy: null,
    asOf: '2026-07-05',
    latestReports: [
      { measureId: 101, orgUnitId: 2, period: '2026-Q2', progress: 'on_track', narrative: '  已完成\n市级评选，\t推荐 17 名。 ' },
      { measureId: 101, orgUnitId: 1, period: '2026-Q2', progress: 'on_track', narrative: '省总' + '统筹推进'.repeat(30) },
    ],
    ...overrides,
  };
}

describe('buildStatusReportModel', () => {
  it('heads the owner’s export as a circular to the plan’s recipients, and a recipient’s as a report to the union above', () => {
    const circular = buildStatusReportModel(input());
    expect(circular.header).toEqual({
      title: '关于《2026年全省工会工作要点》落实情况的通报',
      kind: 'circular',
      planTitle: '2026年全省工会工作要点',
      docNumber: '陕工办发〔2026〕3号',
      issuer: '陕西省总工会办公室',
      unit: { id: 1, name: '陕西省总工会' },
      addressee: '各市（区）总工会',
      asOf: '2026-07-05',
      asOfText: '2026年7月5日',
    });
    const report = buildStatusReportModel(input({ issuedBy: { id: 1, name: '陕西省总工会' }, plan: { title: '《要点》', docNumber: null, issuer: null, ownerName: '陕西省总工会', recipients: [] } }));
    expect(report.header).toMatchObject({ title: '关于《要点》落实情况的报告', kind: 'report', addressee: '陕西省总工会', issuer: '陕西省总工会', docNumber: null });
    // No recipients listed in the document: the circular goes to the unions it was issued to.
    expect(buildStatusReportModel(input({ plan: { ...input().plan, recipients: [] } })).header.addressee).toBe('西安市总工会、咸阳市总工会、宝鸡市总工会');
    expect(buildStatusReportModel(input({ plan: { ...input().plan, title: null } })).header.title).toBe('关于《工作部署》落实情况的通报');
  });

  it('groups measures under their top-level heading (nested headings included) with completion and lights; empty headings are left out', () => {
    const model = buildStatusReportModel(input());
    expect(model.sections.map((section) => [section.label, section.measureCount, section.completion, section.counts, section.overdue])).toEqual([
      // Measures 1 (75 %) and 2 (100 %): mean 87.5.
      ['一、推进产业工人队伍建设改革', 2, 87.5, { green: 2, amber: 0, red: 0 }, 0],
      ['二、维护职工权益', 1, null, { green: 0, amber: 0, red: 1 }, 1],
    ]);
    expect(model.sections[0]!.measures.map((measure) => [measure.label, measure.sectionLabel])).toEqual([
      ['1. 评选三秦工匠', '一、推进产业工人队伍建设改革'],
      ['2. 建设创新工作室', '（一）、工匠培育'],
    ]);
    expect(model.summary).toEqual({ measures: 3, counts: { green: 2, amber: 0, red: 1 }, overdue: 1, atRisk: 0, completion: 71.3, unitsIssued: 3, unitsAcknowledged: 2 });
  });

  it('gives each measure a line at the reporting union (with what it passed on) and one per union below, with the latest narrative’s start', () => {
    const measure = buildStatusReportModel(input()).sections[0]!.measures[0]!;
    expect(measure.units.map((line) => [line.name, line.isSelf, line.lightLabel, line.completion, line.progressLabel])).toEqual([
      ['陕西省总工会', true, '正常', 75, '正常推进'],
      ['西安市总工会', false, '正常', 68, '正常推进'],
      ['咸阳市总工会', false, '正常', 75, '正常推进'],
      ['宝鸡市总工会', false, '预警', 40, '存在风险'],
    ]);
    expect(measure.units[0]!.indicators).toEqual([{ label: '三秦工匠（不少于）', unit: '人', target: 40, allocated: 35, achieved: 17, completion: 42.5, isMet: false, isLive: false }]);
    expect(measure.units[1]!.indicators[0]).toMatchObject({ target: 25, allocated: null, achieved: 17, completion: 68 });
    expect(measure.units[3]!.indicators[0]).toMatchObject({ target: 10, achieved: null, completion: null });
    // Whitespace folded; a long narrative is cut to 80 characters with an ellipsis.
    expect(measure.units[1]).toMatchObject({ latestPeriod: '2026-Q2', narrative: '已完成 市级评选， 推荐 17 名。' });
    expect([...measure.units[0]!.narrative!]).toHaveLength(80);
    expect(measure.units[0]!.narrative!.endsWith('…')).toBe(true);
    expect(measure.units[2]).toMatchObject({ latestPeriod: null, narrative: null });
  });

  it('ranks the unions by completion with shared ranks for equal figures and none without a figure', () => {
    expect(buildStatusReportModel(input()).ranking.map((rank) => [rank.rank, rank.name, rank.completion, rank.acknowledged])).toEqual([
      [1, '西安市总工会', 68, true],
      [1, '咸阳市总工会', 68, true],
      [null, '宝鸡市总工会', null, false],
    ]);
  });

  it('lists overdue measures before those at risk, the reporting union before those below', () => {
    expect(buildStatusReportModel(input()).alerts.map((alert) => [alert.kindLabel, alert.measureLabel, alert.unitName, alert.deadline])).toEqual([
      ['逾期', '3. 开展集体协商', '陕西省总工会', '2026-06-30'],
      ['逾期', '3. 开展集体协商', '宝鸡市总工会', '2026-06-30'],
      ['存在风险', '1. 评选三秦工匠', '宝鸡市总工会', '2026-12-31'],
    ]);
  });
});

describe('report text helpers', () => {
  it('writes the date as GB/T 9704 wants it and cuts excerpts on characters, not bytes', () => {
    expect(chineseDate('2026-07-05')).toBe('2026年7月5日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(excerpt('工会'.repeat(3), 4)).toBe('工会工…');
    expect(excerpt('   ')).toBeNull();
  });
});
