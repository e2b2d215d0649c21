import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { t } from '../../../web/i18n';
import { fetchHouseholdNotice } from './household-api';
import './households.css';

/**
 * 公示 as a sheet to print and post (/assistance/:id/notice): the server's text
 * (name partly hidden, no ID number, income or health), the period in working
 * days and its source. Printing hides the console around it (households.css).
 */
export function HouseholdNoticePage() {
  const id = Number(useParams().id);
  const notice = useLoad(() => fetchHouseholdNotice(id), [id]);
  if (notice.error) return <LoadError error={notice.error} onRetry={notice.reload} />;
  if (!notice.data) return <Spin className="hh-spin" />;
  const { title, text, startsOn, endsOn, workingDays, source } = notice.data;
  const lines = text.split('\n');
  // The server ends the text with the union and the date: the signature block, right-aligned.
  const body = lines.slice(0, -2);
  const signature = lines.slice(-2);
  return (
    <div className="hh-notice-page">
      <Space className="hh-notice-tools">
        <Link to={`/assistance/${id}`}>
          <ArrowLeftOutlined /> {t('hh.notice.back')}
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="notice-print">
          {t('hh.notice.print')}
        </Button>
      </Space>
      <article className="hh-notice-sheet" data-testid="notice-sheet">
        <h1 className="hh-notice-title">{title}</h1>
        {body.map((line) => (
          <p key={line} className="hh-notice-line">
            {line}
          </p>
        ))}
        <div className="hh-notice-signature">
          {signature.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
        <footer className="hh-notice-footer">
          <div data-testid="notice-period">{t('hh.notice.period', { start: startsOn, end: endsOn, days: workingDays })}</div>
          <div>{t('hh.notice.source', { source })}</div>
        </footer>
      </article>
    </div>
  );
}
