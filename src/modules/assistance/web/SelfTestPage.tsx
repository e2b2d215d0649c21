import { Alert, Card, Form, type FormItemProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { Brand } from '../../../web/components/Brand';
import { t } from '../../../web/i18n';
import type { TClassification, TStandardRegion } from '../contract';
import { fetchStandardRegions, postSelfTest } from './api';
import { SelfTestForm } from './SelfTestForm';
import { SelfTestResult } from './SelfTestResult';
import { type SelfTestValues, toClassifyInput } from './self-test-values';
import './self-test.css';

/** Form fields a refusal can name (the server's field path, the form's name path). */
const FORM_FIELDS: Record<string, NonNullable<FormItemProps<SelfTestValues>['name']>> = {
  region: ['region'],
  year: ['year'],
  householdSize: ['householdSize'],
  annualIncome: ['annualIncome'],
  'rigidExpenses.medical': ['rigidExpenses', 'medical'],
  'rigidExpenses.education': ['rigidExpenses', 'education'],
  'rigidExpenses.disability': ['rigidExpenses', 'disability'],
  'rigidExpenses.jobCosts': ['rigidExpenses', 'jobCosts'],
  suddenCosts: ['suddenCosts'],
  laborRelationMonths: ['laborRelationMonths'],
  dibao: ['dibao'],
};

/**
 * 困难职工家庭自测: a public page (no sign-in, nothing stored) for workers on their
 * phones. The server classifies by the rule tables and explains the arithmetic.
 */
export function SelfTestPage() {
  const [form] = Form.useForm<SelfTestValues>();
  const [regions, setRegions] = useState<TStandardRegion[]>([]);
  const [regionsLoading, setRegionsLoading] = useState(true);
  const [regionsError, setRegionsError] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<TClassification | undefined>();
  const [error, setError] = useState<string | undefined>();
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('selfTest.title')} - ${t('app.name')}`;
    let current = true;
    fetchStandardRegions().then(
      (answer) => current && setRegions(answer.items),
      (caught: unknown) => current && setRegionsError(isApiError(caught) ? caught.message : t('page.loadFailed')),
    ).finally(() => current && setRegionsLoading(false));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [result]);

  const submit = async (values: SelfTestValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      setResult(await postSelfTest(toClassifyInput(values)));
    } catch (caught) {
      setResult(undefined);
      const message = isApiError(caught) ? caught.message : t('selfTest.failed');
      const field = isApiError(caught) && caught.field ? FORM_FIELDS[caught.field] : undefined;
      if (field) {
        form.setFields([{ name: field, errors: [message] }]);
        form.scrollToField(field, { block: 'center' });
      } else {
        setError(message);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="self-test-screen">
      <div className="login-band" />
      <header className="self-test-header">
        <Brand withOwner />
      </header>
      <main className="self-test-main">
        <Card size="small" className="self-test-card self-test-intro">
          <h1 className="self-test-title">{t('selfTest.title')}</h1>
          <p>{t('selfTest.intro')}</p>
          <Alert type="success" showIcon title={t('selfTest.privacy')} />
        </Card>
        {regionsError && (
          <Alert className="self-test-alert" type="warning" showIcon title={t('selfTest.regionsFailed', { message: regionsError })} />
        )}
        <SelfTestForm
          form={form}
          regions={regions}
          regionsLoading={regionsLoading}
          submitting={submitting}
          onSubmit={(values) => void submit(values)}
          onChange={() => setError(undefined)}
        />
        {error && <Alert className="self-test-alert" type="error" showIcon title={error} data-testid="self-test-error" />}
        {result && <SelfTestResult ref={resultRef} result={result} />}
      </main>
      <footer className="self-test-footer">
        <span>{t('app.footer')}</span>
        <a href="/login">{t('selfTest.staffLogin')}</a>
      </footer>
    </div>
  );
}
