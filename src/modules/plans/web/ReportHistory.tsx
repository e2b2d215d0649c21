import { Timeline } from 'antd';
import { t } from '../../../web/i18n';
import type { TReportDetail } from '../contract';
import { formatInstant } from './plan-format';

/** The review history of a report: 报送, 退回 with the comment, 采纳. */
export function ReportHistory({ report }: { report: TReportDetail }) {
  return (
    <div className="plans-report-history" data-testid="report-history">
      <div className="plans-label">{t('plans.report.history')}</div>
      <Timeline
        items={report.history.map((step) => ({
          color: step.toState === 'returned' ? 'red' : step.toState === 'accepted' ? 'green' : 'blue',
          content: (
            <div>
              <strong>{step.label}</strong> <span className="plans-muted">{[step.actorOrg, step.actor, formatInstant(step.at)].filter(Boolean).join(' · ')}</span>
              {step.comment ? <div className="plans-comment">{t('plans.report.comment', { comment: step.comment })}</div> : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
