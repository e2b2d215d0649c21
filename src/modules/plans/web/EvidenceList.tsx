import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, List } from 'antd';
import { t } from '../../../web/i18n';
import type { TReportDetail } from '../contract';
import { evidenceUrl } from './api';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** 佐证材料 of a report: each file opens in a new tab; a draft's files may be removed. */
export function EvidenceList({ report, onDelete }: { report: TReportDetail; onDelete?: (id: number) => void }) {
  if (report.evidence.length === 0) return <div className="plans-muted">{t('plans.report.noEvidence')}</div>;
  return (
    <List
      size="small"
      data-testid="evidence-list"
      dataSource={report.evidence}
      renderItem={(file) => (
        <List.Item
          actions={onDelete ? [<Button key="delete" type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => onDelete(file.id)} aria-label={t('plans.delete')} />] : []}
        >
          <a href={evidenceUrl(file.id)} target="_blank" rel="noreferrer">
            <PaperClipOutlined /> {file.fileName}
          </a>
          <span className="plans-muted"> {size(file.size)}</span>
        </List.Item>
      )}
    />
  );
}
