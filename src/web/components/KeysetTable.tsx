import { Alert, Button, Table, type TableColumnsType } from 'antd';
import type { KeysetPages } from '../hooks/useKeysetPages';
import { t } from '../i18n';

/**
 * A list paged by keyset cursors (useKeysetPages): the load error with a
 * retry, the table, and the "N shown · 加载更多" footer under it.
 */
export function KeysetTable<T extends object>({
  pages,
  columns,
  testId,
  scrollX,
  emptyText,
  loadedText,
  moreText,
}: {
  pages: Pick<KeysetPages<T>, 'rows' | 'cursor' | 'loading' | 'error' | 'load' | 'loadMore'>;
  columns: TableColumnsType<T>;
  testId: string;
  scrollX: number;
  emptyText: string;
  /** e.g. 已显示 50 人 */
  loadedText: string;
  moreText: string;
}) {
  const { rows, cursor, loading, error, load, loadMore } = pages;
  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          className="keyset-error"
          action={
            <Button size="small" onClick={() => void load(true)}>
              {t('session.retry')}
            </Button>
          }
        />
      )}
      <Table<T>
        data-testid={testId}
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: scrollX }}
        locale={{ emptyText }}
      />
      <div className="keyset-footer">
        {cursor && (
          <Button onClick={() => void loadMore()} loading={loading}>
            {moreText}
          </Button>
        )}
        <span className="keyset-count">{loadedText}</span>
      </div>
    </>
  );
}
