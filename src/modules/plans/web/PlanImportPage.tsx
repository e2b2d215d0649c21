import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Tabs, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { PLAN_TEXT_MAX_CHARS, type TPlanDetail } from '../contract';
import { importDraftFile, importDraftText } from './api';
import './plans.css';

/** 导入工作部署 (/plans/import): paste the text or upload .txt/.docx/.pdf; the parsed draft opens for review. */
export function PlanImportPage() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const run = async (call: () => Promise<TPlanDetail>) => {
    setBusy(true);
    setError(undefined);
    try {
      const plan = await call();
      void navigate(`/plans/${plan.id}`);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setBusy(false);
    }
  };
  const pasteProblem = text.length > PLAN_TEXT_MAX_CHARS ? t('plans.import.tooLong', { max: PLAN_TEXT_MAX_CHARS }) : undefined;

  return (
    <div className="plans-page" data-testid="plan-import">
      <Link to="/plans" className="plans-back">
        <ArrowLeftOutlined /> {t('plans.back')}
      </Link>
      <Card size="small" title={<h1 className="page-title">{t('plans.import.title')}</h1>}>
        <Alert type="info" showIcon title={t('plans.import.hint')} className="plans-dialog-alert" />
        <Tabs
          items={[
            {
              key: 'paste',
              label: t('plans.import.paste'),
              children: (
                <Form layout="vertical" onFinish={() => void run(() => importDraftText(text))}>
                  <Form.Item validateStatus={pasteProblem ? 'error' : undefined} help={pasteProblem}>
                    <Input.TextArea id="plan-text" value={text} onChange={(event) => setText(event.target.value)} autoSize={{ minRows: 14, maxRows: 28 }} placeholder={t('plans.import.pastePlaceholder')} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy} disabled={!text.trim() || pasteProblem !== undefined} data-testid="plan-parse">
                    {t('plans.import.parse')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'file',
              label: t('plans.import.file'),
              children: (
                <Upload.Dragger
                  accept=".txt,.docx,.pdf"
                  showUploadList={false}
                  disabled={busy}
                  beforeUpload={(file) => {
                    void run(() => importDraftFile(file));
                    return false;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('plans.import.drop')}</p>
                  <p className="ant-upload-hint">{t('plans.import.fileHint')}</p>
                </Upload.Dragger>
              ),
            },
          ]}
        />
        {error ? <Alert type="error" showIcon title={error} className="plans-dialog-alert" data-testid="import-error" /> : null}
      </Card>
    </div>
  );
}
