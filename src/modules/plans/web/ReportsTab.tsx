import { Button, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { PROGRESS_STATUS_LABELS, REPORT_STATE_LABELS, type TOrgRef, type TReportRow } from '../contract';
import { fetchReports } from './api';
import { formatInstant } from './plan-format';
import { ReportReviewDrawer } from './ReportReviewDrawer';

const STATE_COLORS = { draft: 'default', submitted: 'blue', accepted: 'green', returned: 'red' } as const;

/** 进展报告: the reports of the union's subtree, or its review inbox (待审核); a unit filter for drill-down from the dashboard. */
export function ReportsTab({ planId, units, unitId, onUnitChange }: { planId: number; units: TOrgRef[]; unitId: number | undefined; onUnitChange: (id: number | undefined) => void }) {
  const [box, setBox] = useState<'toReview' | 'all'>(unitId ? 'all' : 'toReview');
  const [openId, setOpenId] = useState<number | undefined>();
  const reports = useLoad(() => fetchReports(planId, { box, orgUnitId: unitId }), [planId, box, unitId]);
  return (
    <div className="plans-reports" data-testid="plan-reports">
      <Space className="plans-toolbar" wrap>
        <Segmented
          value={box}
          onChange={(value) => setBox(value as 'toReview' | 'all')}
          options={[
            { value: 'toReview', label: t('plans.reports.toReview') },
            { value: 'all', label: t('plans.reports.all') },
          ]}
        />
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t('plans.reports.unitFilter')}
          value={unitId}
          onChange={(value: number | undefined) => onUnitChange(value)}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </Space>
      {reports.error ? (
        <LoadError error={reports.error} inline onRetry={reports.reload} />
      ) : (
        <Table<TReportRow>
          size="small"
          rowKey="id"
          loading={reports.loading}
          dataSource={reports.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: box === 'toReview' ? t('plans.reports.noneToReview') : t('plans.reports.none') }}
          columns={[
            { title: t('plans.report.measure'), render: (_, row) => `${row.measure.no ? `${row.measure.no}. ` : ''}${row.measure.title}`, ellipsis: true },
            { title: t('plans.report.unit'), width: 160, render: (_, row) => row.orgUnit.name },
            { title: t('plans.report.period'), width: 90, dataIndex: 'period' },
            { title: t('plans.report.progress'), width: 100, render: (_, row) => PROGRESS_STATUS_LABELS[row.progress] },
            { title: t('plans.report.state'), width: 120, render: (_, row) => <Tag color={STATE_COLORS[row.state]}>{REPORT_STATE_LABELS[row.state]}</Tag> },
            { title: t('plans.report.evidenceCount'), width: 80, dataIndex: 'evidenceCount' },
            { title: t('plans.report.submittedAt'), width: 140, render: (_, row) => formatInstant(row.submittedAt) },
            {
              title: '',
              width: 80,
              render: (_, row) => (
                <Button size="small" type="link" onClick={() => setOpenId(row.id)} data-testid={`report-open-${row.orgUnit.name}`}>
                  {row.state === 'submitted' ? t('plans.reports.review') : t('plans.reports.view')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <ReportReviewDrawer reportId={openId} onClose={() => setOpenId(undefined)} onChanged={reports.reload} />
    </div>
  );
}
