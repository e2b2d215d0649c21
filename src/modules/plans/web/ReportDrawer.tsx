import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Progress, Select, Space, Spin, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import { EVIDENCE_MAX_BYTES, PROGRESS_STATUS_LABELS, PROGRESS_STATUSES, REPORT_STATE_LABELS, type TPlanMeasureNode, type TProgressStatus, type TReportDetail } from '../contract';
import { createReport, deleteEvidence, editReport, fetchAllocation, fetchReport, fetchReports, takeReportStep, uploadEvidence } from './api';
import { EvidenceList } from './EvidenceList';
import { figureLabel, measureLabel } from './plan-format';
import { ReportHistory } from './ReportHistory';
import { currentPeriod } from './report-period';

type Values = { period: string; progress: TProgressStatus; narrative: string; figures: Record<string, number | null> };
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

/**
 * 填报进展 on one measure for the viewer's union: the open report of the
 * measure (a draft or one returned for correction) or a new one; status,
 * narrative, the figures to date per indicator, evidence files with upload
 * progress; then 报送 to the union that issued the plan.
 */
export function ReportDrawer({ planId, measure, onClose, onChanged }: { planId: number; measure: TPlanMeasureNode | undefined; onClose: () => void; onChanged: () => void }) {
  return (
    <Drawer open={measure !== undefined} onClose={onClose} size={640} destroyOnHidden title={measure ? t('plans.report.title', { measure: measureLabel(measure) }) : ''}>
      {measure ? <ReportForm planId={planId} measure={measure} onClose={onClose} onChanged={onChanged} /> : null}
    </Drawer>
  );
}

/** 「推荐三秦工匠（全省目标 40 人，本单位目标 8 人）」: the plan's figure and, where it differs, this union's share of it. */
function figureFieldLabel(indicator: TPlanMeasureNode['indicators'][number], ownTarget: number | null | undefined): string {
  const plan = t('plans.report.planTarget', { value: figureLabel(indicator) });
  const own = typeof ownTarget === 'number' && ownTarget !== indicator.value ? `，${t('plans.report.ownTarget', { value: ownTarget, unit: indicator.unit })}` : '';
  return `${indicator.subject}（${plan}${own}）`;
}

function ReportForm({ planId, measure, onClose, onChanged }: { planId: number; measure: TPlanMeasureNode; onClose: () => void; onChanged: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [report, setReport] = useState<TReportDetail | undefined>();
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<{ name: string; percent: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  /** This union's own target per indicator (its allocated share below the issuing union); null: none given to it. */
  const [ownTargets, setOwnTargets] = useState<Record<number, number | null>>({});

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        // A share that cannot be read only leaves the label without it.
        const shares = await Promise.all(
          measure.indicators.map(async (indicator) => [indicator.id, await fetchAllocation(indicator.id).then((state) => state.target, () => null)] as const),
        );
        if (current) setOwnTargets(Object.fromEntries(shares));
        const rows = await fetchReports(planId, { measureId: measure.id, orgUnitId: me.org.id });
        const open = rows.find((row) => row.state === 'draft' || row.state === 'returned') ?? rows[0];
        const detail = open ? await fetchReport(open.id) : undefined;
        if (!current) return;
        setReport(detail);
        form.setFieldsValue(
          detail
            ? { period: detail.period, progress: detail.progress, narrative: detail.narrative, figures: Object.fromEntries(detail.figures.map((figure) => [String(figure.indicatorId), figure.value])) }
            : { period: currentPeriod(measure.assignment.cadence), progress: 'on_track', narrative: '', figures: {} },
        );
      } catch (caught) {
        if (current) setError(isApiError(caught) ? caught.message : t('page.loadFailed'));
      } finally {
        if (current) setLoading(false);
      }
    })();
    return () => {
      current = false;
    };
  }, [planId, measure, me.org.id, form]);

  const editable = !report || report.canEdit;
  const figuresOf = (values: Values) =>
    measure.indicators
      .map((indicator) => ({ indicatorId: indicator.id, value: values.figures?.[String(indicator.id)] }))
      .filter((figure): figure is { indicatorId: number; value: number } => typeof figure.value === 'number');

  /** Saves the form (creating the report the first time); answers the saved report. */
  const save = async (): Promise<TReportDetail | undefined> => {
    const values = await form.validateFields();
    setError(undefined);
    try {
      const saved = report
        ? await editReport(report.id, { version: report.version, progress: values.progress, narrative: values.narrative ?? '', figures: figuresOf(values) })
        : await createReport({ measureId: measure.id, period: values.period.trim(), progress: values.progress, narrative: values.narrative ?? '', figures: figuresOf(values) });
      setReport(saved);
      onChanged();
      return saved;
    } catch (caught) {
      const field = isApiError(caught) ? caught.field : undefined;
      const text = isApiError(caught) ? caught.message : t('page.loadFailed');
      if (field === 'period' || field === 'narrative' || field === 'progress') form.setFields([{ name: field, errors: [text] }]);
      else setError(text);
      return undefined;
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const submit = () =>
    run(async () => {
      const saved = await save();
      if (!saved) return;
      try {
        setReport(await takeReportStep(saved.id, 'submit', saved.version));
        onChanged();
        void message.success(t('plans.report.submitted'));
        onClose();
      } catch (caught) {
        setError(isApiError(caught) ? caught.message : t('page.loadFailed'));
      }
    });

  const sendFile = async (file: File) => {
    if (file.size > EVIDENCE_MAX_BYTES) {
      setError(t('plans.report.tooLarge', { name: file.name }));
      return;
    }
    const target = report ?? (await save());
    if (!target) return;
    setUpload({ name: file.name, percent: 0 });
    try {
      setReport(await uploadEvidence(target.id, file, me.csrfToken, (percent) => setUpload({ name: file.name, percent })));
      void message.success(t('plans.report.uploaded', { name: file.name }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('page.loadFailed'));
    } finally {
      setUpload(undefined);
    }
  };

  if (loading) return <Spin />;
  return (
    <div className="plans-report-form" data-testid="report-form">
      {report ? (
        <div className="plans-report-state">
          <Tag color={report.state === 'returned' ? 'red' : report.state === 'accepted' ? 'green' : 'blue'} data-testid="report-state">
            {REPORT_STATE_LABELS[report.state]}
          </Tag>
          <span className="plans-muted">{t('plans.report.reviewer', { org: report.reviewer.name })}</span>
        </div>
      ) : null}
      {report?.state === 'returned' ? (
        <Alert type="error" showIcon title={t('plans.report.returnedWith', { comment: report.history.filter((step) => step.toState === 'returned').at(-1)?.comment ?? '' })} data-testid="report-returned" />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false} disabled={!editable}>
        <Space size={16} wrap>
          <Form.Item name="period" label={t('plans.report.period')} rules={[{ required: true, message: t('plans.report.periodRequired') }, { pattern: /^(\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|once)$/, message: t('plans.report.periodInvalid') }]}>
            <Input id="report-period" style={{ width: 140 }} disabled={report !== undefined} />
          </Form.Item>
          <Form.Item name="progress" label={t('plans.report.progress')} rules={[{ required: true, message: t('plans.report.progressRequired') }]}>
            <Select id="report-progress" style={{ width: 160 }} options={PROGRESS_STATUSES.map((value) => ({ value, label: PROGRESS_STATUS_LABELS[value] }))} />
          </Form.Item>
        </Space>
        <Form.Item name="narrative" label={t('plans.report.narrative')} rules={[{ max: 5000, message: t('plans.report.narrativeTooLong') }]}>
          <Input.TextArea id="report-narrative" autoSize={{ minRows: 4, maxRows: 10 }} placeholder={t('plans.report.narrativePlaceholder')} />
        </Form.Item>
        {measure.indicators.length ? (
          <div className="plans-report-figures">
            <div className="plans-label">{t('plans.report.figures')}</div>
            {measure.indicators.map((indicator) => (
              <Form.Item
                key={indicator.id}
                name={['figures', String(indicator.id)]}
                label={figureFieldLabel(indicator, ownTargets[indicator.id])}
                rules={[{ type: 'number', min: 0, message: t('plans.report.figureNegative') }]}
              >
                <InputNumber id={`report-figure-${indicator.id}`} min={0} addonAfter={indicator.unit} style={{ width: 200 }} />
              </Form.Item>
            ))}
          </div>
        ) : null}
      </Form>
      <div className="plans-label">{t('plans.report.evidence')}</div>
      {report ? <EvidenceList report={report} onDelete={report.canEdit ? (id) => void deleteEvidence(id).then(setReport, (caught: unknown) => setError(isApiError(caught) ? caught.message : t('page.loadFailed'))) : undefined} /> : null}
      {editable ? (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void sendFile(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload !== undefined} data-testid="evidence-upload">
            {t('plans.report.upload')}
          </Button>
          <span className="plans-muted plans-upload-hint">{t('plans.report.uploadHint')}</span>
        </Upload>
      ) : null}
      {upload ? <Progress percent={upload.percent} size="small" format={() => upload.name} /> : null}
      {error ? <Alert type="error" showIcon title={error} className="plans-dialog-alert" data-testid="report-error" /> : null}
      {report && report.history.length ? <ReportHistory report={report} /> : null}
      <Space className="plans-drawer-actions">
        <Button onClick={onClose}>{t('plans.close')}</Button>
        {editable ? (
          <>
            <Button loading={busy} onClick={() =>
                void run(async () => {
                  if (await save()) void message.success(t('plans.report.saved'));
                })
              } data-testid="report-save">
              {t('plans.report.save')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="report-submit">
              {t('plans.report.submit')}
            </Button>
          </>
        ) : null}
      </Space>
    </div>
  );
}
