import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, List, Modal, Progress, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TEvidenceFile } from '../household-contract';
import { EVIDENCE_KIND_LABELS, type EvidenceKind } from '../vocabulary';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, evidenceUrl, uploadEvidence } from './household-api';
import { beijingMinute, optionsOf } from './household-tags';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Why a file cannot be evidence, before any byte is sent (the server checks the bytes again). */
export function evidenceRefusal(file: { name: string; type: string; size: number }): string | undefined {
  const typed = (EVIDENCE_TYPES as readonly string[]).includes(file.type) || (file.type === '' && EVIDENCE_EXTENSIONS.test(file.name));
  if (!typed) return t('hh.evidence.badType', { name: file.name });
  if (file.size > EVIDENCE_MAX_BYTES) return t('hh.evidence.tooLarge', { name: file.name });
  return undefined;
}

/**
 * Uploads one file of a chosen kind with its progress. Shared by the evidence
 * tab and the workflow step dialog (which attaches what was uploaded).
 */
export function EvidenceUploader({
  householdId,
  kinds,
  defaultKind,
  onUploaded,
  testId,
}: {
  householdId: number;
  kinds?: readonly EvidenceKind[];
  defaultKind?: EvidenceKind;
  onUploaded: (file: TEvidenceFile) => void;
  testId: string;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const options = optionsOf(EVIDENCE_KIND_LABELS).filter((option) => !kinds || kinds.includes(option.value));
  const [kind, setKind] = useState<EvidenceKind>(defaultKind ?? options[0]!.value);
  const [percent, setPercent] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="hh-uploader" data-testid={testId}>
      <Space wrap>
        <Select<EvidenceKind> id={`${testId}-kind`} value={kind} onChange={setKind} options={options} className="hh-uploader-kind" popupMatchSelectWidth={false} />
        <Upload
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={(file) => {
            const refusal = evidenceRefusal(file);
            setError(refusal);
            return refusal ? Upload.LIST_IGNORE : true;
          }}
          customRequest={({ file }) => {
            setPercent(0);
            setError(undefined);
            uploadEvidence(householdId, kind, file as File, me.csrfToken, setPercent).then(
              (uploaded) => {
                setPercent(undefined);
                void message.success(t('hh.evidence.uploaded', { name: uploaded.name }));
                onUploaded(uploaded);
              },
              (caught: unknown) => {
                setPercent(undefined);
                setError(isApiError(caught) ? caught.message : String(caught));
              },
            );
          }}
        >
          <Button icon={<UploadOutlined />} loading={percent !== undefined}>
            {t('hh.evidence.upload')}
          </Button>
        </Upload>
        <span className="hh-muted">{t('hh.evidence.typeHint')}</span>
      </Space>
      {percent !== undefined && <Progress percent={percent} size="small" data-testid={`${testId}-progress`} />}
      {error && <Alert type="error" showIcon title={error} className="hh-form-alert" data-testid={`${testId}-error`} />}
    </div>
  );
}

/** 佐证材料: the file's evidence; opening one asks why (audited); clerks upload more. */
export function EvidencePanel({ householdId, files, canUpload, onUploaded }: { householdId: number; files: TEvidenceFile[]; canUpload: boolean; onUploaded: (file: TEvidenceFile) => void }) {
  const [opening, setOpening] = useState<TEvidenceFile | undefined>();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <div className="hh-evidence">
      {canUpload && <EvidenceUploader householdId={householdId} onUploaded={onUploaded} testId="evidence-upload" />}
      <List
        size="small"
        data-testid="evidence-list"
        locale={{ emptyText: t('hh.evidence.empty') }}
        dataSource={files}
        renderItem={(file) => (
          <List.Item
            actions={[
              <Button key="open" type="link" size="small" onClick={() => setOpening(file)}>
                {t('hh.evidence.open')}
              </Button>,
            ]}
          >
            <span>
              <PaperClipOutlined /> {file.name} <span className="hh-muted">· {file.kindLabel} · {sizeText(file.size)} · {t('hh.evidence.uploadedAt', { at: beijingMinute(file.uploadedAt) })}</span>
            </span>
          </List.Item>
        )}
      />
      <Modal
        title={opening ? t('hh.evidence.openTitle', { name: opening.name }) : ''}
        open={opening !== undefined}
        okText={t('hh.reveal.ok')}
        cancelText={t('hh.form.cancel')}
        destroyOnHidden
        onCancel={() => setOpening(undefined)}
        onOk={() =>
          void form.validateFields().then(({ reason }) => {
            if (opening) window.open(evidenceUrl(householdId, opening.id, reason.trim()), '_blank', 'noopener');
            setOpening(undefined);
          })
        }
      >
        <p className="hh-muted">{t('hh.reveal.notice')}</p>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="reason" label={t('hh.reveal.reason')} rules={[{ required: true, whitespace: true, min: 4, message: t('hh.reveal.reasonRequired') }]}>
            <Input.TextArea id="evidence-reason" rows={2} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
