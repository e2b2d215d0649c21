import { EditOutlined } from '@ant-design/icons';
import { App, Button, InputNumber, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../../web/api/client';
import { t } from '../../../../web/i18n';
import type { TItemScore, TRoundSheet } from '../../assessment-contract';
import { adjustScore, enterScore } from './assessment-api';
import { AdjustDialog } from './AdjustDialog';

type Row = { key: string; kind: 'dimension' | 'item' | 'rule'; title: string; weight: number; computed: number; adjustment: number | null; reason: string | null; final: number | null; basis: string; item?: TItemScore; ruleKey?: string; entered?: number | null; canEnter?: boolean; children?: Row[] };

/** 评分表 of one union: dimension subtotals, items (computed, adjustment, reason, final) and how each rule scored; entries and adjustments when the viewer scores. */
export function ScoreSheetTable({ roundId, sheet, onChange }: { roundId: number; sheet: TRoundSheet; onChange: (sheet: TRoundSheet) => void }) {
  const { message } = App.useApp();
  const [adjusting, setAdjusting] = useState<TItemScore | undefined>();
  const [editing, setEditing] = useState<{ key: string; value: number | null } | undefined>();
  const unitId = sheet.sheet.orgUnit.id;
  const fail = (caught: unknown) => void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));

  const rows: Row[] = sheet.sheet.dimensions.map((dimension) => ({
    key: dimension.key,
    kind: 'dimension',
    title: dimension.title,
    weight: dimension.weight,
    computed: dimension.computed,
    adjustment: dimension.adjustment,
    reason: null,
    final: dimension.final,
    basis: t('plans.assessment.dimensionTotal'),
    children: dimension.items.map((item) => ({
      key: item.key,
      kind: 'item',
      title: item.title,
      weight: item.weight,
      computed: item.computed,
      adjustment: item.adjustment,
      reason: item.reason,
      final: item.final,
      basis: '',
      item,
      children: item.rules.map((rule) => ({
        key: rule.key,
        kind: 'rule',
        title: rule.title,
        weight: rule.weight,
        computed: rule.score,
        adjustment: null,
        reason: null,
        final: null,
        basis: rule.basis,
        ruleKey: rule.key,
        entered: rule.entered,
        canEnter: rule.kind === 'manual' || rule.kind === 'bonus' || rule.kind === 'deduction' || rule.basis.startsWith('待录入') || rule.entered !== null,
      })),
    })),
  }));

  const saveEntry = async (ruleKey: string, value: number | null) => {
    try {
      onChange(await enterScore(roundId, { orgUnitId: unitId, ruleKey, value }));
      setEditing(undefined);
    } catch (caught) {
      fail(caught);
    }
  };

  return (
    <>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="assessment-sheet"
        rowClassName={(row) => `assessment-row-${row.kind}`}
        columns={[
          { title: t('plans.assessment.node'), dataIndex: 'title' },
          { title: t('plans.assessment.weight'), dataIndex: 'weight', width: 70, align: 'right' },
          {
            title: t('plans.assessment.computed'),
            width: 150,
            align: 'right',
            render: (_, row) =>
              row.kind === 'rule' && sheet.canScore && row.canEnter ? (
                editing && editing.key === row.ruleKey ? (
                  <Space size={2}>
                    <InputNumber size="small" autoFocus min={0} value={editing.value} onChange={(value) => setEditing({ key: row.ruleKey!, value: value === null ? null : Number(value) })} style={{ width: 80 }} data-testid={`entry-${row.ruleKey}`} />
                    <Button size="small" type="link" onClick={() => void saveEntry(row.ruleKey!, editing.value)} data-testid={`entry-save-${row.ruleKey}`}>
                      {t('plans.save')}
                    </Button>
                  </Space>
                ) : (
                  <Space size={2}>
                    {row.computed}
                    <Tooltip title={t('plans.assessment.enter')}>
                      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ key: row.ruleKey!, value: row.entered ?? null })} data-testid={`entry-open-${row.ruleKey}`} />
                    </Tooltip>
                  </Space>
                )
              ) : (
                row.computed
              ),
          },
          {
            title: t('plans.assessment.adjustment'),
            width: 110,
            align: 'right',
            render: (_, row) =>
              row.kind === 'rule' ? null : (
                <Space size={2}>
                  {row.adjustment ? <Tag color={row.adjustment > 0 ? 'green' : 'red'}>{row.adjustment > 0 ? `+${row.adjustment}` : row.adjustment}</Tag> : '0'}
                  {row.kind === 'item' && sheet.canScore ? (
                    <Button size="small" type="link" onClick={() => setAdjusting(row.item)} data-testid={`adjust-${row.key}`}>
                      {t('plans.assessment.adjust')}
                    </Button>
                  ) : null}
                </Space>
              ),
          },
          { title: t('plans.assessment.reason'), dataIndex: 'reason', width: 180, render: (reason: string | null) => reason ?? '' },
          { title: t('plans.assessment.final'), dataIndex: 'final', width: 80, align: 'right', render: (final: number | null) => (final === null ? '' : <strong>{final}</strong>) },
          { title: t('plans.assessment.basisText'), dataIndex: 'basis' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('plans.assessment.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} />
            <Table.Summary.Cell index={2} align="right">
              {sheet.sheet.computed}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {sheet.sheet.adjustment}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
            <Table.Summary.Cell index={5} align="right">
              <strong data-testid="sheet-total">{sheet.sheet.total}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6}>{sheet.sheet.rank === null ? t('plans.assessment.noRank') : `${t('plans.assessment.rank')}：${sheet.sheet.rank}`}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <AdjustDialog
        item={adjusting}
        onClose={() => setAdjusting(undefined)}
        onSubmit={async (delta, reason) => {
          try {
            onChange(await adjustScore(roundId, { orgUnitId: unitId, itemKey: adjusting!.key, delta, reason }));
            setAdjusting(undefined);
          } catch (caught) {
            fail(caught);
          }
        }}
      />
    </>
  );
}
