import type { TMeasureStanding, TRollup, TTrafficLight } from '../../../contract';
import type { StatusReportInput } from '../status-report-model';

const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const CITIES = ['西安', '宝鸡', '咸阳', '铜川', '渭南', '延安', '汉中', '榆林', '安康', '商洛', '杨凌', '韩城', '神木', '府谷', '西咸', '彬州', '华阴', '兴平', '旬阳', '子长', '黄陵', '凤县'];
const LIGHTS: TTrafficLight[] = ['green', 'green', 'green', 'amber', 'red'];

/**
 * A deterministic roll-up of any size (tests, the export bench): `sections`
 * headings × `measuresPerSection` measures, each with one indicator (every
 * third qualitative), issued to `units` cities; figures, lights and
 * narratives vary by index so every branch of the renderers is exercised.
 */
export function sampleStatusReportInput(options: { sections: number; measuresPerSection: number; units: number; asOf?: string }): StatusReportInput {
  const { sections, measuresPerSection, units } = options;
  const children = Array.from({ length: units }, (_, index) => ({ id: 100 + index, name: `${CITIES[index % CITIES.length]}${index >= CITIES.length ? index : ''}市总工会`, type: 'city' }));
  const standing = (seed: number, completion: number | null): TMeasureStanding => {
    const light = LIGHTS[seed % LIGHTS.length]!;
    const isOverdue = light === 'red' && seed % 2 === 0;
    return {
      light,
      reason: isOverdue ? '已超过完成时限（2026-06-30）仍未完成' : light === 'green' ? '正常推进' : '进度落后于时间：时间已过 52%，完成 31%',
      isOverdue,
      isAtRisk: light !== 'green' && !isOverdue,
      progress: seed % 4 === 0 ? null : light === 'amber' ? 'at_risk' : 'on_track',
      completion,
      reports: { submitted: seed % 3, accepted: seed % 5, returned: 0 },
    };
  };
  const measures: TRollup['measures'] = [];
  const latestReports: StatusReportInput['latestReports'][number][] = [];
  for (let s = 0; s < sections; s += 1) {
    for (let m = 0; m < measuresPerSection; m += 1) {
      const id = s * measuresPerSection + m + 1;
      const quantified = id % 3 !== 0;
      const target = 20 + (id % 7) * 10;
      const achieved = Math.round(target * ((id * 37) % 100) / 100);
      const completion = quantified ? Math.min(100, Math.round((achieved / target) * 1000) / 10) : null;
      measures.push({
        id,
        sectionId: s + 1,
        no: String(m + 1),
        title: `第${s + 1}部分第${m + 1}项措施：深化产业工人队伍建设改革，推动“三秦工匠”培育`,
        isLocal: false,
        deadline: id % 4 === 0 ? '2026-06-30' : '2026-12-31',
        leadDepartment: id % 2 === 0 ? '经济技术部' : null,
        at: standing(id, completion),
        indicators: quantified
          ? [
              {
                id,
                subject: '三秦工匠',
                unit: '人',
                comparator: 'gte',
                approx: false,
                planValue: target,
                isBound: id % 11 === 0,
                at: { target, achieved, completion, isMet: achieved >= target, source: 'reports', allocated: target - 5, remaining: 5, isUnderAllocated: true, warning: null },
                children: children.map((child, index) => {
                  const share = Math.max(1, Math.round(target / units));
                  const done = (id + index) % (share + 1);
                  return { orgUnitId: child.id, allocation: share, target: share, achieved: done, completion: Math.round((done / share) * 1000) / 10, isMet: done >= share, source: 'reports' as const };
                }),
              },
            ]
          : [],
        children: children.map((child, index) => ({ ...standing(id + index, quantified ? ((id + index) * 13) % 101 : null), orgUnitId: child.id })),
      });
      for (const [index, child] of children.entries()) {
        if ((id + index) % 3 === 0) continue;
        latestReports.push({ measureId: id, orgUnitId: child.id, period: '2026-Q2', progress: 'on_track', narrative: `${child.name}召开专题会议部署落实，已完成推荐评选工作，第二季度新增培育对象${index + 1}名。`.repeat(1 + (index % 3)) });
      }
    }
  }
  return {
    rollup: {
      planId: 1,
      orgUnit: { id: 1, name: '陕西省总工会' },
      asOf: '2026-07-05T01:00:00.000Z',
      children: children.map((child, index) => ({
        ...child,
        acknowledgedAt: index % 5 === 4 ? null : '2026-03-12T02:00:00.000Z',
        completion: units - index === 0 ? null : Math.round((90 - index * 3.5) * 10) / 10,
        counts: { green: 10, amber: 3, red: 2, overdue: 1 },
      })),
      sections: Array.from({ length: sections }, (_, s) => ({ id: s + 1, no: SECTION_NUMERALS[s] ?? String(s + 1), title: `第${s + 1}部分重点工作`, parentId: null })),
      measures,
      summary: { measures: measures.length, green: 0, amber: 0, red: 0, overdue: 0, atRisk: 0, completion: 61.4 },
    },
    plan: {
      title: '2026年全省工会工作要点',
      docNumber: '陕工办发〔2026〕3号',
      issuer: '陕西省总工会办公室',
      ownerName: '陕西省总工会',
      recipients: ['各市（区）总工会', '省级产业工会'],
    },
    issuedBy: null,
    asOf: options.asOf ?? '2026-07-05',
    latestReports,
  };
}
