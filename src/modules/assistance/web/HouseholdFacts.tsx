import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { t } from '../../../web/i18n';
import { DIBAO_AREA_LABELS, EXCLUSION_LABELS, SUDDEN_EVENT_LABELS } from '../contract';
import type { THouseholdDetail } from '../household-contract';
import { EMPLOYMENT_LABELS, FILE_LEVEL_LABELS, type FileLevel, HARDSHIP_CAUSE_LABELS, WORKER_TYPE_LABELS } from '../vocabulary';
import { type HouseholdRevealTarget, RevealHouseholdDialog } from './RevealHouseholdDialog';
import { beijingMinute, yuan } from './household-tags';

type Member = THouseholdDetail['members'][number];
const keyOf = (target: HouseholdRevealTarget) => (target.field === 'bankAccount' ? 'bank' : `member:${target.memberId}`);

/** A masked value with 查看完整 (for holders of assistance.reveal); once revealed, the full value. */
function Sensitive({ masked, revealed, canReveal, onReveal, testId }: { masked: string; revealed: string | null | undefined; canReveal: boolean; onReveal: () => void; testId: string }) {
  if (revealed !== undefined) return <span data-testid={testId}>{revealed ?? t('hh.none')}</span>;
  return (
    <span className="hh-sensitive" data-testid={testId}>
      {masked}
      {canReveal && (
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={onReveal} data-testid={`${testId}-reveal`}>
          {t('hh.reveal.show')}
        </Button>
      )}
    </span>
  );
}

/**
 * The file's facts: the worker, the household's figures, causes and
 * exclusions, the bank account and the members — ID numbers and the account
 * masked, each with 查看完整 behind a reason.
 */
export function HouseholdFacts({ household, canReveal }: { household: THouseholdDetail; canReveal: boolean }) {
  const [target, setTarget] = useState<HouseholdRevealTarget | undefined>();
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});
  const shown = (key: string) => (key in revealed ? revealed[key] : undefined);
  const rigid = household.rigidExpenses;
  const none = t('hh.none');

  const members: ColumnsType<Member> = [
    { title: t('hh.field.relation'), dataIndex: 'relationLabel', width: 110 },
    { title: t('hh.field.memberName'), dataIndex: 'name', width: 90 },
    {
      title: t('hh.field.memberIdNumber'),
      key: 'idNumber',
      width: 280,
      render: (_, member) => (
        <Sensitive
          masked={member.idNumberMasked}
          revealed={shown(`member:${member.id}`)}
          canReveal={canReveal}
          onReveal={() => setTarget({ field: 'memberIdNumber', memberId: member.id, name: member.name })}
          testId={`household-member-id-${member.position}`}
        />
      ),
    },
    { title: t('hh.field.age'), dataIndex: 'age', width: 60, align: 'right' },
    { title: t('hh.field.health'), dataIndex: 'healthLabel', ellipsis: true },
    { title: t('hh.field.employment'), dataIndex: 'employment', width: 110, render: (value: Member['employment']) => EMPLOYMENT_LABELS[value] },
    { title: t('hh.field.income'), dataIndex: 'annualIncome', width: 110, align: 'right', render: (value: number) => yuan(value) },
  ];

  return (
    <div className="hh-facts">
      <Card size="small" title={t('hh.detail.figures')} data-testid="household-figures">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          styles={{ label: { width: 150 } }}
          items={[
            { key: 'worker', label: t('hh.detail.worker'), children: `${household.worker.name}（${household.worker.idNumberMasked}，${household.worker.age} 岁）` },
            { key: 'union', label: t('hh.field.union'), children: household.union.name },
            { key: 'type', label: t('hh.field.workerType'), children: WORKER_TYPE_LABELS[household.workerType] + (household.laborRelationMonths !== null ? `（劳动关系 ${household.laborRelationMonths} 个月）` : '') },
            { key: 'region', label: t('hh.detail.region'), children: `${household.regionCode} · ${DIBAO_AREA_LABELS[household.dibaoArea]}` },
            { key: 'size', label: t('hh.field.householdSize'), children: household.householdSize },
            { key: 'income', label: t('hh.field.annualIncome'), children: yuan(household.annualIncome) },
            {
              key: 'rigid',
              label: t('hh.detail.rigid'),
              children: `${t('hh.field.rigid.medical')} ${yuan(rigid.medical)}；${t('hh.field.rigid.education')} ${yuan(rigid.education)}；${t('hh.field.rigid.disability')} ${yuan(rigid.disability)}；${t('hh.field.rigid.jobCosts')} ${yuan(rigid.jobCosts)}`,
            },
            {
              key: 'sudden',
              label: t('hh.field.suddenCosts'),
              children: `${yuan(household.suddenCosts)}${household.suddenEvent ? `（${SUDDEN_EVENT_LABELS[household.suddenEvent]}）` : ''}`,
            },
            { key: 'main', label: t('hh.field.mainCause'), children: HARDSHIP_CAUSE_LABELS[household.mainCause] },
            { key: 'secondary', label: t('hh.field.secondaryCauses'), children: household.secondaryCauses.map((cause) => HARDSHIP_CAUSE_LABELS[cause]).join('、') || none },
            { key: 'exclusions', label: t('hh.field.exclusions'), children: household.exclusions.map((item) => EXCLUSION_LABELS[item]).join('；') || none },
            { key: 'declared', label: t('hh.detail.declared'), children: t('hh.detail.declaredValue', household.declaredProperty) },
            {
              key: 'bank',
              label: t('hh.detail.bank'),
              children: household.bank ? (
                <span>
                  {household.bank.bankName}{' '}
                  <Sensitive masked={household.bank.accountMasked} revealed={shown('bank')} canReveal={canReveal} onReveal={() => setTarget({ field: 'bankAccount' })} testId="household-bank-account" />
                </span>
              ) : (
                t('hh.detail.noBank')
              ),
            },
            { key: 'level', label: t('hh.field.fileLevel'), children: household.fileLevel ? (FILE_LEVEL_LABELS[household.fileLevel as FileLevel] ?? household.fileLevel) : none },
            { key: 'filedOn', label: t('hh.field.filedOn'), children: household.filedOn ?? none },
            { key: 'verified', label: t('hh.field.lastVerifiedOn'), children: household.lastVerifiedOn ?? none },
            {
              key: 'civil',
              label: t('hh.detail.civilCheck'),
              span: 'filled',
              children: household.civilCheck
                ? `${t(household.civilCheck.status === 'clear' ? 'hh.detail.civilClear' : 'hh.detail.civilMismatch', { driver: household.civilCheck.driver, at: beijingMinute(household.civilCheck.checkedAt) })}${household.civilCheck.findings.map((finding) => `；${finding.message}`).join('')}`
                : none,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('hh.detail.members')} data-testid="household-members">
        <Table<Member> size="small" rowKey="id" columns={members} dataSource={household.members} pagination={false} scroll={{ x: 900 }} />
      </Card>
      <RevealHouseholdDialog
        householdId={household.id}
        target={target}
        onClose={() => setTarget(undefined)}
        onRevealed={(done, value) => {
          setRevealed((previous) => ({ ...previous, [keyOf(done)]: value }));
          setTarget(undefined);
        }}
      />
    </div>
  );
}
