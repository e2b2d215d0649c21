import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { t } from '../i18n';

const BackHome = () => (
  <Link to="/">
    <Button type="primary">{t('page.backHome')}</Button>
  </Link>
);

/** Unknown path. */
export function NotFoundPage() {
  return <Result status="404" title={t('page.notFound.title')} subTitle={t('page.notFound.subtitle')} extra={<BackHome />} />;
}

/** The page exists but the user may not use it here (or the API answered FORBIDDEN). */
export function ForbiddenPage({ message }: { message?: string }) {
  return (
    <Result
      status="403"
      title={t('page.forbidden.title')}
      subTitle={message ?? t('page.forbidden.subtitle')}
      extra={<BackHome />}
    />
  );
}

/** A nav entry the server offers whose page the console does not have yet. */
export function NotReadyPage() {
  return <Result status="info" title={t('page.notReady.title')} subTitle={t('page.notReady.subtitle')} extra={<BackHome />} />;
}
