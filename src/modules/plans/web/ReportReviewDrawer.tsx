import { Alert, App, Button, Descriptions, Drawer, Input, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { PROGRESS_STATUS_LABELS, REPORT_STATE_LABELS, type TReportDetail } from '../contract';
import { fetchReport, takeReportStep } from './api';
import { EvidenceList } from './EvidenceList';
import { formatNumber } from './plan-format';
import { ReportHistory } from './ReportHistory';

/** A report as the higher level reads it: figures against targets, narrative, evidence, history; 采纳 or 退回 with a comment. */
export function ReportReviewDrawer({ reportId, onClose, onChanged }: { reportId: number | undefined; onClose: () => void; onChanged: () => void }) {
  return (
    <Drawer open={reportId !== undefined} onClose={onClose} size={640} destroyOnHidden title={t('plans.review.reportTitle')}>
      {reportId !== undefined ? <ReportReview reportId={reportId} onChanged={onChanged} /> : null}
    </Drawer>
  );
}

function ReportReview({ reportId, onChanged }: { reportId: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const loaded = useLoad(() => fetchReport(reportId), [reportId]);
  const [report, setReport] = useState<TReportDetail | undefined>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setReport(loaded.data), [loaded.data]);
  if (loaded.error) return <LoadError error={loaded.error} inline onRetry={loaded.reload} />;
  if (!report) return <Spin />;

  const step = async (transition: string, commentRequired: boolean) => {
    if (commentRequired && !comment.trim()) {
      setError(t('plans.review.commentRequired'));
      return;
    }
    setBusy(transition);
    setError(undefined);
    try {
      const next = await takeReportStep(report.id, transition, report.version, comment.trim() || undefined);
      setReport(next);
      setComment('');
      onChanged();
      void message.success(t('plans.review.stepDone', { state: REPORT_STATE_LABELS[next.state] }));
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setBusy(undefined);
    }
  };

  const commentNeeded = report.actions.some((action) => action.commentRequired);
  return (
    <div className="plans-report-review" data-testid="report-review">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('plans.report.measure')} span={2}>
          {report.measure.no ? `${report.measure.no}. ` : ''}
          {report.measure.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.report.unit')}>{report.orgUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('plans.report.period')}>{report.period}</Descriptions.Item>
        <Descriptions.Item label={t('plans.report.progress')}>{PROGRESS_STATUS_LABELS[report.progress]}</Descriptions.Item>
        <Descriptions.Item label={t('plans.report.state')}>
          <Tag data-testid="review-state">{REPORT_STATE_LABELS[report.state]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.report.narrative')} span={2}>
          <div className="plans-narrative">{report.narrative || '—'}</div>
        </Descriptions.Item>
        {report.figures.map((figure) => (
          <Descriptions.Item key={figure.indicatorId} label={figure.subject} span={2}>
            {t('plans.report.figureLine', {
              value: `${formatNumber(figure.value)} ${figure.unit}`,
              target: figure.target === null ? '—' : `${formatNumber(figure.target)} ${figure.unit}`,
            })}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <div className="plans-label">{t('plans.report.evidence')}</div>
      <EvidenceList report={report} />
      <ReportHistory report={report} />
      {report.actions.length ? (
        <div className="plans-review-actions">
          {commentNeeded ? (
            <Input.TextArea id="review-comment" value={comment} onChange={(event) => setComment(event.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('plans.review.commentPlaceholder')} />
          ) : null}
          {error ? <Alert type="error" showIcon title={error} data-testid="review-error" /> : null}
          <Space>
            {report.actions.map((action) => (
              <Button
                key={action.transition}
                type={action.transition === 'accept' ? 'primary' : 'default'}
                danger={action.transition === 'return'}
                disabled={action.blockedBy !== null}
                title={action.blockedBy ?? undefined}
                loading={busy === action.transition}
                onClick={() => void step(action.transition, action.commentRequired)}
                data-testid={`review-${action.transition}`}
              >
                {action.label}
              </Button>
            ))}
          </Space>
        </div>
      ) : null}
    </div>
  );
}
