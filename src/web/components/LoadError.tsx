import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client';
import { t } from '../i18n';
import { ForbiddenPage, NotFoundPage } from '../pages/ResultPages';

/**
 * What a page shows when its data did not load: the 403 page for FORBIDDEN,
 * the 404 page for NOT_FOUND, otherwise the server's message with a retry.
 * `inline` keeps it to an Alert (inside a card) for every code.
 */
export function LoadError({ error, onRetry, inline }: { error: ApiError; onRetry?: () => void; inline?: boolean }) {
  if (!inline && error.code === 'FORBIDDEN') return <ForbiddenPage message={error.message} />;
  if (!inline && error.code === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={error.requestId ? t('error.requestId', { id: error.requestId }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('session.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
