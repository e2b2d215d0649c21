import { Button, Space, Tooltip } from 'antd';
import { t } from '../../../web/i18n';
import type { TWorkflowAction } from '../../../core/workflow/contract';

const DANGER = /^(refuse|return|withdraw|object)/;

/** The steps this user may take now, as buttons; a blocked one is disabled with the guard's reason. */
export function FilingActions({ actions, onChoose }: { actions: TWorkflowAction[]; onChoose: (action: TWorkflowAction) => void }) {
  if (actions.length === 0) return <span className="hh-muted">{t('hh.detail.noActions')}</span>;
  const blocked = actions.filter((action) => action.blockedBy !== null);
  return (
    <div data-testid="filing-actions">
    <Space wrap>
      {actions.map((action) => {
        const button = (
          <Button
            key={action.transition}
            type={DANGER.test(action.transition) ? 'default' : 'primary'}
            danger={DANGER.test(action.transition)}
            disabled={action.blockedBy !== null}
            onClick={() => onChoose(action)}
            data-testid={`action-${action.transition}`}
          >
            {action.label}
          </Button>
        );
        return action.blockedBy ? (
          <Tooltip key={action.transition} title={action.blockedBy}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
    {blocked.map((action) => (
      <div key={action.transition} className="hh-blocked" data-testid={`blocked-${action.transition}`}>
        {t('hh.action.blocked')}「{action.label}」：{action.blockedBy}
      </div>
    ))}
    </div>
  );
}
