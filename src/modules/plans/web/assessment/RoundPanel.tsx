import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../../web/api/client';
import { useLoad } from '../../../../web/api/use-load';
import { LoadError } from '../../../../web/components/LoadError';
import { t } from '../../../../web/i18n';
import { ROUND_STATUS_LABELS, type TAssessmentScheme, type TRoundSheet } from '../../assessment-contract';
import { formatInstant } from '../plan-format';
import { createRound, exportRoundUrl, fetchRanking, fetchSheet, publishRound } from './assessment-api';
import { AssessmentRankingChart } from './AssessmentRankingChart';
import { ScoreSheetTable } from './ScoreSheetTable';

/** A scheme's rounds: choose or open one; its ranking (table and bars), a union's score sheet, publishing and the export. */
export function RoundPanel({ scheme, onSchemeChange }: { scheme: TAssessmentScheme; onSchemeChange: (scheme: TAssessmentScheme) => void }) {
  const { message, modal } = App.useApp();
  const [roundId, setRoundId] = useState<number | undefined>(scheme.rounds[scheme.rounds.length - 1]?.id);
  const [newTitle, setNewTitle] = useState(`${scheme.year}年度`);
  const ranking = useLoad(() => (roundId ? fetchRanking(roundId) : Promise.resolve(undefined)), [roundId]);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [sheet, setSheet] = useState<TRoundSheet | undefined>();
  // Bumped on publish: the open sheet's `canScore` and figures must come from the published snapshot, not stay editable.
  const [sheetReads, setSheetReads] = useState(0);
  const fail = (caught: unknown) => void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));

  useEffect(() => {
    if (!roundId || !unitId) return setSheet(undefined);
    let live = true;
    fetchSheet(roundId, unitId).then((loaded) => live && setSheet(loaded), fail);
    return () => {
      live = false;
    };
  }, [roundId, unitId, sheetReads]);
  useEffect(() => {
    if (!unitId && ranking.data?.rows[0]) setUnitId(ranking.data.rows[0].orgUnit.id);
  }, [ranking.data, unitId]);

  const round = scheme.rounds.find((candidate) => candidate.id === roundId);
  return (
    <div className="assessment-rounds" data-testid="assessment-rounds">
      <Space wrap className="assessment-round-bar">
        <span>{t('plans.assessment.round')}</span>
        <Select style={{ width: 200 }} value={roundId} options={scheme.rounds.map((candidate) => ({ value: candidate.id, label: `${candidate.title}（${ROUND_STATUS_LABELS[candidate.status]}）` }))} onChange={setRoundId} data-testid="assessment-round" />
        {scheme.can.score ? (
          <Space.Compact>
            <Input value={newTitle} onChange={(event) => setNewTitle(event.target.value)} placeholder={t('plans.assessment.roundTitle')} style={{ width: 160 }} />
            <Button
              onClick={async () => {
                try {
                  const next = await createRound(scheme.id, newTitle);
                  onSchemeChange(next);
                  setRoundId(next.rounds[next.rounds.length - 1]?.id);
                } catch (caught) {
                  fail(caught);
                }
              }}
            >
              {t('plans.assessment.newRound')}
            </Button>
          </Space.Compact>
        ) : null}
        {round && scheme.can.score && round.status === 'open' ? (
          <Button
            type="primary"
            data-testid="assessment-publish"
            onClick={() =>
              modal.confirm({
                title: t('plans.assessment.publish'),
                content: t('plans.assessment.publishConfirm'),
                onOk: async () => {
                  try {
                    await publishRound(round.id);
                    void message.success(t('plans.assessment.published'));
                    onSchemeChange({ ...scheme, rounds: scheme.rounds.map((candidate) => (candidate.id === round.id ? { ...candidate, status: 'published' } : candidate)) });
                    ranking.reload();
                    setSheetReads((reads) => reads + 1);
                  } catch (caught) {
                    fail(caught);
                  }
                },
              })
            }
          >
            {t('plans.assessment.publish')}
          </Button>
        ) : null}
        {round ? (
          <Button icon={<DownloadOutlined />} href={exportRoundUrl(round.id)} data-testid="assessment-export">
            {t('plans.assessment.export')}
          </Button>
        ) : null}
        {round ? <Tag color={round.status === 'published' ? 'green' : 'blue'} data-testid="assessment-round-status">{ROUND_STATUS_LABELS[round.status]}</Tag> : null}
      </Space>
      {!roundId ? <p className="assessment-empty">{t('plans.assessment.noRound')}</p> : null}
      {ranking.error ? <LoadError error={ranking.error} inline onRetry={ranking.reload} /> : null}
      {ranking.data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('plans.assessment.ranking')} extra={t('plans.assessment.asOf', { at: formatInstant(ranking.data.asOf) })}>
              <Table
                size="small"
                rowKey={(row) => row.orgUnit.id}
                pagination={false}
                dataSource={ranking.data.rows}
                data-testid="assessment-ranking"
                onRow={(row) => ({ onClick: () => setUnitId(row.orgUnit.id), className: row.orgUnit.id === unitId ? 'assessment-selected' : '' })}
                columns={[
                  { title: t('plans.assessment.rank'), dataIndex: 'rank', width: 60, render: (rank: number | null) => rank ?? '—' },
                  { title: t('plans.assessment.unit'), render: (_, row) => row.orgUnit.name },
                  ...ranking.data.dimensions.map((dimension) => ({ title: `${dimension.title}（${dimension.weight}）`, render: (_: unknown, row: (typeof ranking.data.rows)[number]) => row.dimensions.find((entry) => entry.key === dimension.key)?.final ?? '' })),
                  { title: t('plans.assessment.adjustment'), dataIndex: 'adjustment', width: 70 },
                  { title: t('plans.assessment.total'), dataIndex: 'total', width: 80, render: (total: number) => <strong>{total}</strong> },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('plans.assessment.ranking')}>
              <AssessmentRankingChart ranking={ranking.data} />
            </Card>
          </Col>
        </Row>
      ) : null}
      {sheet && roundId ? (
        <Card size="small" className="assessment-sheet-card" title={`${t('plans.assessment.sheet')} · ${sheet.sheet.orgUnit.name}`}>
          <ScoreSheetTable
            roundId={roundId}
            sheet={sheet}
            onChange={(next) => {
              setSheet(next);
              ranking.reload();
            }}
          />
        </Card>
      ) : null}
    </div>
  );
}
