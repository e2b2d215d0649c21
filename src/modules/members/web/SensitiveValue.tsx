import { EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { t } from '../../../web/i18n';

/**
 * A masked ID or phone number, or its full value once revealed, with the eye
 * button that asks for the reason (RevealDialog) when the user may reveal it.
 */
export function SensitiveValue({
  memberId,
  field,
  masked,
  revealed,
  canReveal,
  onReveal,
}: {
  memberId: number;
  field: 'idNumber' | 'phone';
  masked: string | null;
  /** undefined: not revealed; null: revealed and empty. */
  revealed: string | null | undefined;
  canReveal: boolean;
  onReveal: () => void;
}) {
  const shown = revealed === undefined ? masked : revealed;
  return (
    <Space size={4}>
      <span className="mono" data-testid={`${field}-${memberId}`}>
        {shown ?? t('members.none')}
      </span>
      {canReveal && masked && revealed === undefined && (
        <Tooltip title={t('members.reveal.action')}>
          <Button
            type="text"
            size="small"
            icon={<EyeOutlined />}
            aria-label={t('members.reveal.action')}
            data-testid={`reveal-${field}-${memberId}`}
            onClick={onReveal}
          />
        </Tooltip>
      )}
    </Space>
  );
}
