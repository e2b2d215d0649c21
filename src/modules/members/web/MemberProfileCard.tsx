import { Card, Descriptions } from 'antd';
import { t } from '../../../web/i18n';
import { EMPLOYMENT_FORM_LABELS, RETAIN_REASON_LABELS, type TMemberDetail } from '../contract';
import { EDUCATION_LABELS, ETHNICITY_LABELS, GENDER_LABELS, HOUSEHOLD_TYPE_LABELS, POLITICAL_STATUS_LABELS } from '../vocabulary';
import { labelOf } from './member-labels';
import { isGigForm } from './profile-options';

/** The person's record (会员信息采集登记表) and the dates of this membership. */
export function MemberProfileCard({ member }: { member: TMemberDetail }) {
  const none = t('members.none');
  const yesNo = (value: boolean) => (value ? t('members.yes') : t('members.no'));
  const items = [
    { key: 'gender', label: t('members.field.gender'), children: labelOf(GENDER_LABELS, member.gender) },
    { key: 'birthDate', label: t('members.field.birthDate'), children: member.birthDate },
    { key: 'ethnicity', label: t('members.field.ethnicity'), children: labelOf(ETHNICITY_LABELS, member.ethnicity) },
    { key: 'politicalStatus', label: t('members.field.politicalStatus'), children: labelOf(POLITICAL_STATUS_LABELS, member.politicalStatus) },
    { key: 'education', label: t('members.field.education'), children: labelOf(EDUCATION_LABELS, member.education) },
    { key: 'householdType', label: t('members.field.householdType'), children: labelOf(HOUSEHOLD_TYPE_LABELS, member.householdType) },
    { key: 'employmentForm', label: t('members.filter.employmentForm'), children: labelOf(EMPLOYMENT_FORM_LABELS, member.employmentForm) },
    { key: 'occupation', label: t('members.field.occupation'), children: member.occupation ?? none },
    { key: 'employer', label: t('members.field.employer'), children: member.employer ?? none, span: isGigForm(member.employmentForm) ? 1 : 2 },
    ...(isGigForm(member.employmentForm) ? [{ key: 'platform', label: t('members.field.platform'), children: member.platform ?? none }] : []),
    { key: 'modelWorker', label: t('members.detail.modelWorker'), children: yesNo(member.isModelWorker) },
    { key: 'hardship', label: t('members.detail.hardship'), children: yesNo(member.isHardship) },
    { key: 'startedOn', label: t('members.detail.startedOn'), children: member.startedOn ?? none },
    ...(member.leftOn ? [{ key: 'leftOn', label: t('members.detail.leftOn'), children: member.leftOn }] : []),
    ...(member.retainReason
      ? [{ key: 'retainReason', label: t('members.detail.retainReason'), children: labelOf(RETAIN_REASON_LABELS, member.retainReason) }]
      : []),
  ];
  return (
    <Card size="small" title={t('members.detail.profile')} className="member-profile" data-testid="member-profile">
      <Descriptions size="small" bordered column={2} items={items} styles={{ label: { width: 120 } }} />
    </Card>
  );
}
