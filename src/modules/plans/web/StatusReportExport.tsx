import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { t } from '../../../web/i18n';
import { statusReportUrl, type TStatusReportFormat } from '../export-contract';

/**
 * 导出 (Excel / PDF) of the plan's status report at the union the dashboard
 * shows. A plain navigation downloads the file (the server audits it before
 * sending); no purpose is asked — the report holds no personal data.
 */
export function StatusReportExport({ planId, orgUnitId }: { planId: number; orgUnitId: number }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'xlsx', label: <span data-testid="export-status-xlsx">{t('plans.export.xlsx')}</span> },
            { key: 'pdf', label: <span data-testid="export-status-pdf">{t('plans.export.pdf')}</span> },
          ],
          onClick: ({ key }) => window.location.assign(statusReportUrl(planId, key as TStatusReportFormat, { orgUnitId })),
        }}
      >
        <Button icon={<DownloadOutlined />} data-testid="export-status-report">
          {t('plans.export.button')} <DownOutlined />
        </Button>
      </Dropdown>
    </div>
  );
}
