import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, List, Modal, Progress, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { useMe } from '../../../web/session/session';
import type { TEvidenceFile } from '../household-contract';
import { EVIDENCE_KIND_LABELS, type EvidenceKind } from '../vocabulary';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, evidenceDownloadUrl, openEvidence, uploadEvidence } from './household-api';
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

/**
 * Opens a file in a new tab: the tab is opened on the click itself (a window
 * opened after an awaited request is a popup the browser may block), then sent
 * to the download once the server has recorded the reason and answered a
 * one-time token. The reason travels in the POST body only, never in a URL.
 */
async function openInNewTab(householdId: number, fileId: number, reason: string, tab: Window | null): Promise<void> {
  if (tab) {
    tab.opener = null;
    tab.document.title = t('hh.evidence.opening');
    if (tab.document.body) tab.document.body.textContent = t('hh.evidence.opening');
  }
  try {
    const { token } = await openEvidence(householdId, fileId, reason);
    const url = evidenceDownloadUrl(householdId, fileId, token);
    // No tab (blocked after all): the file is sent as an attachment, so this page stays where it is.
    if (tab) tab.location.replace(url);
    else window.location.assign(url);
  } catch (caught) {
    tab?.close();
    throw caught;
  }
}

/** 佐证材料: the file's evidence; opening one asks why (audited); clerks upload more. */
export function EvidencePanel({ householdId, files, canUpload, onUploaded }: { householdId: number; files: TEvidenceFile[]; canUpload: boolean; onUploaded: (file: TEvidenceFile) => void }) {
  const [opening, setOpening] = useState<TEvidenceFile | undefined>();
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [form] = Form.useForm<{ reason: string }>();
  const choose = (file: TEvidenceFile | undefined) => {
    setOpening(file);
    setError(undefined);
  };
  const confirm = () => {
    if (!opening) return;
    // Checked here, synchronously: the tab must open within the click.
    const reason = String(form.getFieldValue('reason') ?? '').trim();
    if (reason.length < 4) {
      void form.validateFields().catch(() => undefined);
      return;
    }
    const tab = window.open('', '_blank');
    setIsSending(true);
    setError(undefined);
    openInNewTab(householdId, opening.id, reason, tab).then(
      () => {
        setIsSending(false);
        choose(undefined);
      },
      (caught: unknown) => {
        setIsSending(false);
        setError(isApiError(caught) ? caught.message : String(caught));
      },
    );
  };
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
              <Button key="open" type="link" size="small" onClick={() => choose(file)} data-testid={`evidence-open-${file.id}`}>
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
        okButtonProps={{ loading: isSending, 'data-testid': 'evidence-open-ok' }}
        destroyOnHidden
        onCancel={() => choose(undefined)}
        onOk={confirm}
      >
        <p className="hh-muted">{t('hh.evidence.openNotice')}</p>
        {error && <Alert type="error" showIcon title={error} className="hh-form-alert" data-testid="evidence-open-error" />}
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="reason" label={t('hh.reveal.reason')} rules={[{ required: true, whitespace: true, min: 4, message: t('hh.reveal.reasonRequired') }]}>
            <Input.TextArea id="evidence-reason" rows={2} maxLength={200} showCount placeholder={t('hh.reveal.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
