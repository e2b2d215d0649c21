import { t } from '../i18n';

/** The platform mark: a red seal with 工, the platform name and, optionally, the owner below. */
export function Brand({ withOwner, size = 'medium' }: { withOwner?: boolean; size?: 'medium' | 'large' }) {
  return (
    <div className={`brand brand-${size}`}>
      <span className="brand-seal" aria-hidden="true">
        工
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        {withOwner && <span className="brand-owner">{t('app.owner')}</span>}
      </span>
    </div>
  );
}
