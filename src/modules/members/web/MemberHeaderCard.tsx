import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TMemberDetail } from '../contract';
import { MembershipStatusTag } from './MembershipStatusTag';
import { RevealDialog, type RevealTarget } from './RevealDialog';
import { SensitiveValue } from './SensitiveValue';

type Revealed = Partial<Record<'idNumber' | 'phone', string | null>>;

/**
 * The member's identity at a glance: name and 会籍状态, the masked ID and
 * phone numbers (revealed with a reason), the union, 会员证号 and 入会日期;
 * `actions` on the right.
 */
export function MemberHeaderCard({ member, actions }: { member: TMemberDetail; actions: ReactNode }) {
  const me = useMe();
  const canReveal = me.permissions.includes('members.reveal');
  const [revealTarget, setRevealTarget] = useState<RevealTarget | undefined>();
  const [revealed, setRevealed] = useState<Revealed>({});
  const none = t('members.none');

  const sensitive = (field: 'idNumber' | 'phone', masked: string | null) => (
    <SensitiveValue
      memberId={member.id}
      field={field}
      masked={masked}
      revealed={revealed[field]}
      canReveal={canReveal}
      onReveal={() => setRevealTarget({ member, field })}
    />
  );

  return (
    <Card size="small" className="member-header" data-testid="member-header">
      <Link to="/members" className="member-back">
        <ArrowLeftOutlined /> {t('members.detail.back')}
      </Link>
      <div className="member-header-top">
        <div className="member-title">
          <span className="member-name" data-testid="member-name">
            {member.name}
          </span>
          <MembershipStatusTag status={member.status} />
        </div>
        {actions}
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'idNumber', label: t('members.field.idNumber'), children: sensitive('idNumber', member.idNumberMasked) },
          { key: 'phone', label: t('members.field.phone'), children: sensitive('phone', member.phoneMasked) },
          { key: 'org', label: t('members.field.org'), children: <span data-testid="member-org">{member.orgName}</span> },
          {
            key: 'card',
            label: t('members.field.cardNumber'),
            children: (
              <span className="mono" data-testid="member-card-number">
                {member.cardNumber ?? none}
              </span>
            ),
          },
          { key: 'joined', label: t('members.field.joinedOn'), children: <span data-testid="member-joined-on">{member.joinedOn ?? none}</span> },
        ]}
      />
      <RevealDialog
        target={revealTarget}
        onClose={() => setRevealTarget(undefined)}
        onRevealed={(target, value) => {
          setRevealed((previous) => ({ ...previous, [target.field]: value }));
          setRevealTarget(undefined);
        }}
      />
    </Card>
  );
}
