import { DeleteOutlined, DownloadOutlined, FileExcelOutlined, FileTextOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Upload } from 'antd';
import { useState } from 'react';
import { OrgTreeSelect } from '../../../../web/components/OrgTreeSelect';
import { t } from '../../../../web/i18n';
import type { TOrgNode } from '../../../orgs/contract';
import { MEMBERSHIP_HOLDER_TYPES } from '../../contract';
import { IMPORT_TEMPLATE_URL } from './api';
import { checkImportFile, type FileProblem, IMPORT_MAX_MB } from './import-file';
import { formatBytes } from './format';

export type ImportChoice = { unitId: number; dryRun: boolean; file: File | undefined };

const isHolder = (type: string) => (MEMBERSHIP_HOLDER_TYPES as readonly string[]).includes(type);

/**
 * Step 1: where to import, which file, whether only to check it. The file
 * stays in the page's state (a dry run can be imported for real without
 * choosing it again); nothing is sent before 开始导入.
 */
export function ImportChooser({
  choice,
  onChange,
  orgRoot,
  canPick,
  ownUnit,
  uploading,
  onStart,
}: {
  choice: ImportChoice;
  onChange: (choice: ImportChoice) => void;
  orgRoot: TOrgNode | undefined;
  /** orgs.read: the unit picker lists the subtree; without it, the acting unit only. */
  canPick: boolean;
  /** The acting unit: the default target. */
  ownUnit: { id: number; name: string; type: string };
  uploading: boolean;
  onStart: () => void;
}) {
  const [problem, setProblem] = useState<FileProblem | undefined>();
  const choose = (file: File) => {
    const found = checkImportFile(file);
    setProblem(found);
    onChange({ ...choice, file: found ? undefined : file });
  };
  const start = () => {
    if (!choice.file) {
      setProblem({ title: t('members.import.chooseFirst') });
      return;
    }
    onStart();
  };
  const FileIcon = choice.file?.name.toLowerCase().endsWith('.csv') ? FileTextOutlined : FileExcelOutlined;

  return (
    <div className="import-chooser" data-testid="import-chooser">
      <div className="import-field">
        <label className="import-label" htmlFor="import-target">
          {t('members.import.target')}
        </label>
        <div className="import-target-picker" data-testid="import-target">
          {canPick ? (
            <OrgTreeSelect
              id="import-target"
              root={orgRoot}
              value={orgRoot ? choice.unitId : undefined}
              onChange={(unitId) => onChange({ ...choice, unitId })}
              placeholder={t('members.import.targetPlaceholder')}
            />
          ) : (
            <span className="import-target-name">{ownUnit.name}</span>
          )}
        </div>
        <div className="import-help">{t('members.import.targetHelp')}</div>
        {/* Only the acting unit's type is known here; deeper units are explained by the help above. */}
        {choice.unitId === ownUnit.id && !isHolder(ownUnit.type) && (
          <Alert type="info" showIcon className="import-not-holder" title={t('members.import.targetNotHolder', { org: ownUnit.name })} />
        )}
      </div>

      <div className="import-field">
        <div className="import-label-row">
          <span className="import-label">{t('members.import.file')}</span>
          <a href={IMPORT_TEMPLATE_URL} download className="import-template-link" data-testid="import-template">
            <DownloadOutlined /> {t('members.import.template')}
          </a>
          <span className="import-help import-template-hint">{t('members.import.templateHint')}</span>
        </div>
        <Upload.Dragger
          // .xls is accepted here only to explain how to convert it (a dropped file outside `accept` is dropped silently).
          accept=".xlsx,.csv,.xls"
          multiple={false}
          fileList={[]}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            choose(file);
            return false;
          }}
          className="import-dragger"
          data-testid="import-dragger"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('members.import.drop')}</p>
          <p className="ant-upload-hint">{t('members.import.dropHint', { max: IMPORT_MAX_MB })}</p>
        </Upload.Dragger>
        {choice.file && (
          <div className="import-chosen" data-testid="import-chosen">
            <FileIcon className="import-chosen-icon" />
            <span className="import-chosen-name">{t('members.import.chosen', { name: choice.file.name, size: formatBytes(choice.file.size) })}</span>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              disabled={uploading}
              onClick={() => onChange({ ...choice, file: undefined })}
              aria-label={t('members.import.remove')}
            />
          </div>
        )}
        {problem && (
          <Alert type="warning" showIcon className="import-file-problem" title={problem.title} description={problem.description} data-testid="import-file-problem" />
        )}
      </div>

      <div className="import-field">
        <Checkbox checked={choice.dryRun} id="import-dry-run" onChange={(event) => onChange({ ...choice, dryRun: event.target.checked })}>
          {t('members.import.dryRun')}
        </Checkbox>
        <div className="import-help import-dry-run-hint">{t('members.import.dryRunHint')}</div>
      </div>

      <Button type="primary" icon={<UploadOutlined />} loading={uploading} onClick={start} className="import-start" data-testid="import-start">
        {uploading ? t('members.import.uploading') : t('members.import.start')}
      </Button>
    </div>
  );
}
