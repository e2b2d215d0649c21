import { Alert, Form, Input, Modal, Select } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import type { TPlanMeasureNode, TPlanSectionNode } from '../contract';

export type MeasureValues = { no: string; title: string; text: string; sectionId?: number };
export type MeasureDialogMode = { kind: 'edit'; measure: TPlanMeasureNode } | { kind: 'split'; measure: TPlanMeasureNode } | { kind: 'add'; sectionId: number; title: string };

const FIELDS = ['no', 'title', 'text'];

/**
 * 修改措施 (number, title, text), 新增措施, or 拆分措施: the reviewer puts the
 * cursor where the next measure begins; the text after it becomes a new measure.
 */
export function MeasureDialog({
  mode,
  sections,
  onSave,
  onSplit,
  onClose,
}: {
  mode: MeasureDialogMode | undefined;
  /** Offered for a new local measure: the heading it goes under. */
  sections?: TPlanSectionNode[];
  onSave: (values: MeasureValues) => Promise<void>;
  onSplit: (offset: number) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<MeasureValues>();
  const [saving, setSaving] = useState(false);
  const [splitError, setSplitError] = useState<string | undefined>();
  const textArea = useRef<TextAreaRef>(null);
  useEffect(() => {
    if (!mode) return;
    setSplitError(undefined);
    form.resetFields();
    if (mode.kind !== 'add') form.setFieldsValue({ no: mode.measure.no, title: mode.measure.title, text: mode.measure.text });
    else form.setFieldsValue({ sectionId: mode.sectionId });
  }, [mode, form]);

  const submit = async () => {
    if (!mode) return;
    if (mode.kind === 'split') {
      const element = textArea.current?.resizableTextArea?.textArea;
      const offset = element?.selectionStart ?? 0;
      if (offset <= 0 || offset >= mode.measure.text.length) {
        setSplitError(t('plans.measure.splitWhere'));
        return;
      }
      setSaving(true);
      try {
        await onSplit(offset);
        onClose();
      } catch (caught) {
        setSplitError(isApiError(caught) ? caught.message : t('page.loadFailed'));
      } finally {
        setSaving(false);
      }
      return;
    }
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSave({ no: values.no?.trim() ?? '', title: values.title?.trim() ?? '', text: values.text.trim(), sectionId: values.sectionId });
      onClose();
    } catch (caught) {
      const field = isApiError(caught) ? caught.field : undefined;
      form.setFields([{ name: (field && FIELDS.includes(field) ? field : 'text') as keyof MeasureValues, errors: [isApiError(caught) ? caught.message : t('page.loadFailed')] }]);
    } finally {
      setSaving(false);
    }
  };

  const title = !mode ? '' : mode.kind === 'edit' ? t('plans.measure.editTitle') : mode.kind === 'split' ? t('plans.measure.splitTitle') : t('plans.measure.addTitle', { section: mode.title });
  return (
    <Modal
      open={mode !== undefined}
      title={title}
      width={720}
      okText={mode?.kind === 'split' ? t('plans.measure.splitHere') : t('plans.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'measure-save' }}
    >
      {mode?.kind === 'split' ? (
        <>
          <Alert type="info" showIcon title={t('plans.measure.splitHint')} className="plans-dialog-alert" />
          <Input.TextArea ref={textArea} id="measure-split-text" defaultValue={mode.measure.text} autoSize={{ minRows: 6, maxRows: 16 }} readOnly />
          {splitError ? <Alert type="error" showIcon title={splitError} className="plans-dialog-alert" /> : null}
        </>
      ) : (
        <Form form={form} layout="vertical" requiredMark={false}>
          {sections && mode?.kind === 'add' ? (
            <Form.Item name="sectionId" label={t('plans.local.sectionLabel')} rules={[{ required: true, message: t('plans.local.sectionRequired') }]}>
              <Select id="measure-section" options={sections.map((section) => ({ value: section.id, label: [section.no, section.title].filter(Boolean).join('、') || t('plans.measures.noSection') }))} />
            </Form.Item>
          ) : null}
          <div className="plans-form-row">
            <Form.Item name="no" label={t('plans.measure.no')} rules={[{ max: 20, message: t('plans.measure.noTooLong') }]}>
              <Input id="measure-no" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="title" label={t('plans.measure.title')} className="plans-grow" rules={mode?.kind === 'edit' ? [{ required: true, whitespace: true, message: t('plans.measure.titleRequired') }, { max: 300, message: t('plans.measure.titleTooLong') }] : [{ max: 300, message: t('plans.measure.titleTooLong') }]}>
              <Input id="measure-title" placeholder={mode?.kind === 'add' ? t('plans.measure.titlePlaceholder') : undefined} />
            </Form.Item>
          </div>
          <Form.Item name="text" label={t('plans.measure.text')} rules={[{ required: true, whitespace: true, message: t('plans.measure.textRequired') }, { max: 20000, message: t('plans.measure.textTooLong') }]}>
            <Input.TextArea id="measure-text" autoSize={{ minRows: 5, maxRows: 14 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
