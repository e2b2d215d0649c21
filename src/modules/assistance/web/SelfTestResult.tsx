import { Alert, Card } from 'antd';
import type { Ref } from 'react';
import { t } from '../../../web/i18n';
import { HARDSHIP_TIER_LABELS, type TClassification } from '../contract';

/** "… → 深度困难": the conclusion after the arrow is kept on one line. */
function Reason({ text }: { text: string }) {
  const arrow = text.lastIndexOf(' → ');
  if (arrow < 0) return text;
  return (
    <>
      {text.slice(0, arrow)} → <span className="self-test-conclusion">{text.slice(arrow + 3)}</span>
    </>
  );
}

const yuan = (value: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** The tier in its colour, the two figures, the reasons with the arithmetic, and where to apply. */
export function SelfTestResult({ result, ref }: { result: TClassification; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} className="self-test-result" data-testid="self-test-result">
      <Card size="small" title={t('selfTest.resultTitle')} className="self-test-card">
        <div className={`self-test-tier self-test-tier-${result.tier}`} data-tier={result.tier}>
          {HARDSHIP_TIER_LABELS[result.tier]}
        </div>
        <div className="self-test-figures">
          <div>
            <div className="self-test-figure-label">{t('selfTest.perCapita')}</div>
            <div className="self-test-figure-value">
              {yuan(result.perCapitaMonthly)} <span>{t('selfTest.yuanPerMonth')}</span>
            </div>
          </div>
          <div>
            <div className="self-test-figure-label">{t('selfTest.dibaoUsed')}</div>
            <div className="self-test-figure-value">
              {yuan(result.dibao)} <span>{t('selfTest.yuanPerMonth')}</span>
            </div>
          </div>
        </div>
        <div className="self-test-reasons-title">{t('selfTest.reasons')}</div>
        <ol className="self-test-reasons">
          {result.reasons.map((reason) => (
            <li key={reason}>
              <Reason text={reason} />
            </li>
          ))}
        </ol>
        <Alert className="self-test-note" type="info" showIcon title={t('selfTest.resultNote')} description={t('selfTest.whereToApply')} />
      </Card>
    </div>
  );
}
