import { QuestionCircleOutlined } from '@ant-design/icons';
import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { t } from '../../../../web/i18n';
import type { TImportJob } from '../../contract';
import { formatCount } from './format';

type ImportError = TImportJob['errors'][number] & { key: number };

const withHint = (title: string, hint: string) => (
  <Tooltip title={hint}>
    <span className="import-col-hint">
      {title} <QuestionCircleOutlined />
    </span>
  </Tooltip>
);

/**
 * The first errors of a job (the API sends up to 200; the report has them all).
 * The API counts data rows (1 = the first row under the header); people look
 * for the row number Excel shows, which is one more when the header is row 1.
 */
export function ImportErrorTable({ errors, rejected }: { errors: TImportJob['errors']; rejected: number }) {
  const columns: ColumnsType<ImportError> = [
    {
      title: withHint(t('members.import.col.sheetRow'), t('members.import.col.sheetRowHint')),
      key: 'sheetRow',
      width: 112,
      align: 'right',
      render: (_, error) => <span className="import-row-number">{error.row + 1}</span>,
    },
    {
      title: withHint(t('members.import.col.dataRow'), t('members.import.col.dataRowHint')),
      dataIndex: 'row',
      width: 96,
      align: 'right',
      render: (row: number) => <span className="import-row-number import-row-data">{row}</span>,
    },
    { title: t('members.import.col.column'), dataIndex: 'column', width: 140 },
    { title: t('members.import.col.reason'), dataIndex: 'message' },
  ];
  const distinctRows = new Set(errors.map((error) => error.row)).size;
  return (
    <div className="import-errors">
      <div className="import-section-title">{t('members.import.errors')}</div>
      {distinctRows < rejected && (
        <div className="card-note import-errors-note">
          {t('members.import.errorsShown', { shown: formatCount(errors.length), count: formatCount(rejected) })}
        </div>
      )}
      <Table<ImportError>
        data-testid="import-error-table"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={errors.map((error, index) => ({ ...error, key: index }))}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      />
    </div>
  );
}
