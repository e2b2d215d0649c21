import { Empty, Timeline } from 'antd';
import { t } from '../../../web/i18n';
import type { TWorkflowHistoryStep } from '../../../core/workflow/contract';
import { beijingMinute } from './household-tags';

const COLORS: Record<string, string> = { filed: 'green', refused: 'red', withdrawn: 'gray', draft: 'orange' };

/** A step's form as text: the home visit's record, the civil-affairs check's answer. */
function formText(form: Record<string, unknown> | null): string | undefined {
  if (!form) return undefined;
  const parts = Object.entries(form).map(([key, value]) => {
    if (key === 'findings' && Array.isArray(value)) return value.map((finding: { message?: string }) => finding.message ?? '').join('；');
    if (key === 'status') return value === 'clear' ? '核对无异常' : value === 'mismatch' ? '核对发现不符' : String(value);
    if (key === 'driver') return `核对接口：${String(value)}`;
    return String(value);
  });
  return parts.filter(Boolean).join('；');
}

/** 办理记录: every step of the filing, who for which union and when, with comment, form and files. */
export function FilingTimeline({ steps }: { steps: TWorkflowHistoryStep[] }) {
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hh.history.empty')} />;
  return (
    <Timeline
      className="hh-history"
      items={steps.map((step) => ({
        key: step.seq,
        color: COLORS[step.toState] ?? 'blue',
        content: (
          <div className="hh-history-step" data-testid="history-step">
            <div>
              <strong>{step.label}</strong> <span className="hh-muted">→ {step.toLabel}</span>
            </div>
            <div className="hh-muted">
              {[step.actorOrg?.name, step.actor?.name ?? t('hh.history.system'), beijingMinute(step.at)].filter(Boolean).join(' · ')}
            </div>
            {step.comment && <div>{t('hh.history.comment', { comment: step.comment })}</div>}
            {formText(step.form) && <div>{formText(step.form)}</div>}
            {step.attachments.length > 0 && <div>{t('hh.history.files', { files: step.attachments.map((file) => file.name).join('、') })}</div>}
          </div>
        ),
      }))}
    />
  );
}
