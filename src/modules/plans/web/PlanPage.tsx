import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Space, Spin, Tabs, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { PLAN_STATUS_LABELS, type TOrgRef, type TPlanDetail, type TPlanIndicator, type TPlanMeasureNode } from '../contract';
import { addMeasure, fetchChildUnits, fetchPlan } from './api';
import { AllocationDrawer } from './AllocationDrawer';
import { AssessmentTab } from './assessment/AssessmentTab';
import { AssignmentDrawer } from './AssignmentDrawer';
import { DashboardTab } from './DashboardTab';
import { IssuePanel } from './IssuePanel';
import { MeasureDialog, type MeasureDialogMode } from './MeasureDialog';
import { MeasuresTab } from './MeasuresTab';
import { ReceiptBar } from './ReceiptBar';
import { ReportDrawer } from './ReportDrawer';
import { ReportsTab } from './ReportsTab';
import { ReviewView } from './ReviewView';
import { SupervisionTab } from './SupervisionTab';
import { sectionsInOrder } from './plan-format';
import './plans.css';

/**
 * One plan (/plans/:id). A draft opens on 审核解析结果; a confirmed plan on
 * its measures (分工, 分解, 填报), 下发与签收, 进展报告 and 督查. What is
 * offered follows `viewer.can`; the server checks again.
 */
export function PlanPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const loaded = useLoad(() => fetchPlan(id), [id, me.org.id]);
  const [plan, setPlan] = useState<TPlanDetail | undefined>();
  const [assigning, setAssigning] = useState<TPlanMeasureNode | undefined>();
  const [allocating, setAllocating] = useState<TPlanIndicator | undefined>();
  const [reporting, setReporting] = useState<TPlanMeasureNode | undefined>();
  const [localDialog, setLocalDialog] = useState<MeasureDialogMode | undefined>();
  useEffect(() => setPlan(loaded.data), [loaded.data]);
  const children = useLoad(() => (plan?.viewer.can.assign ? fetchChildUnits(plan.viewer.orgUnit.id) : Promise.resolve([])), [plan?.viewer.orgUnit.id, plan?.viewer.can.assign]);
  const units: TOrgRef[] = useMemo(
    () => [...(plan?.issues.map((row) => ({ id: row.orgUnit.id, name: row.orgUnit.name })) ?? []), ...(children.data ?? []).map((unit) => ({ id: unit.id, name: unit.name }))],
    [plan?.issues, children.data],
  );

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!plan) return <Spin className="plans-spin" />;

  const tab = params.get('tab') ?? 'measures';
  const drillUnit = Number(params.get('unit')) || undefined;
  const setTab = (next: string, unit?: number) => setParams(unit ? { tab: next, unit: String(unit) } : { tab: next }, { replace: true });
  const title = plan.meta.title ?? plan.meta.noticeTitle ?? t('plans.untitled');

  return (
    <div className="plans-page" data-testid="plan-page">
      <div className="plans-page-head">
        <Link to="/plans" className="plans-back">
          <ArrowLeftOutlined /> {t('plans.back')}
        </Link>
        <h1 className="page-title plans-title" data-testid="plan-title">
          {title}
        </h1>
        <Space size={4} wrap>
          <Tag color={plan.status === 'draft' ? 'orange' : 'green'} data-testid="plan-status">
            {PLAN_STATUS_LABELS[plan.status]}
          </Tag>
          {plan.meta.docNumber ? <Tag>{plan.meta.docNumber}</Tag> : null}
          <Tag>{t('plans.issuedBy', { org: plan.orgUnit.name })}</Tag>
        </Space>
      </div>
      {plan.status === 'draft' ? (
        <ReviewView plan={plan} onChange={setPlan} />
      ) : (
        <>
          <ReceiptBar plan={plan} onChange={setPlan} />
          <Card size="small" className="plans-tabs-card">
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key)}
              destroyOnHidden
              items={[
                {
                  key: 'measures',
                  label: t('plans.tab.measures'),
                  children: (
                    <MeasuresTab
                      plan={plan}
                      onAssign={setAssigning}
                      onAllocate={setAllocating}
                      onReport={setReporting}
                      onAddLocal={() => setLocalDialog({ kind: 'add', sectionId: plan.sections[0]?.id ?? 0, title: t('plans.local.section') })}
                      onChange={setPlan}
                    />
                  ),
                },
                ...(plan.viewer.relation !== 'above' ? [{ key: 'issue', label: t('plans.tab.issue'), children: <IssuePanel plan={plan} onIssued={loaded.reload} /> }] : []),
                { key: 'reports', label: t('plans.tab.reports'), children: <ReportsTab planId={plan.id} units={plan.issues.map((row) => row.orgUnit)} unitId={drillUnit} onUnitChange={(unit) => setTab('reports', unit)} /> },
                { key: 'dashboard', label: t('plans.tab.dashboard'), children: <DashboardTab planId={plan.id} onDrill={(unit) => setTab('reports', unit)} /> },
                { key: 'assessment', label: t('plans.tab.assessment'), children: <AssessmentTab plan={plan} /> },
                { key: 'supervision', label: t('plans.tab.supervision'), children: <SupervisionTab planId={plan.id} /> },
              ]}
            />
          </Card>
        </>
      )}
      <AssignmentDrawer measure={assigning} units={units} onDone={setPlan} onClose={() => setAssigning(undefined)} />
      <AllocationDrawer indicator={allocating} onClose={() => setAllocating(undefined)} onSaved={() => undefined} />
      <ReportDrawer planId={plan.id} measure={reporting} onClose={() => setReporting(undefined)} onChanged={() => undefined} />
      <MeasureDialog
        mode={localDialog}
        sections={sectionsInOrder(plan.sections)}
        onSave={async (values) => {
          if (localDialog?.kind !== 'add') return;
          setPlan(await addMeasure(plan.id, { sectionId: values.sectionId ?? localDialog.sectionId, no: values.no || undefined, title: values.title || undefined, text: values.text }));
        }}
        onSplit={async () => undefined}
        onClose={() => setLocalDialog(undefined)}
      />
    </div>
  );
}
