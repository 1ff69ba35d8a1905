import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Modal, useErrorText } from '@/components';

/**
 * A question before an action that cannot be undone (remove, deactivate). When the API refuses,
 * its reason shows in the dialog, which stays open.
 */
export function ConfirmModal({
  open,
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  text: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(undefined);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      onClose={close}
      footer={
        <>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(undefined);
              onConfirm()
                .then(close)
                .catch((e: unknown) => setError(errorText(e)))
                .finally(() => setBusy(false));
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={close}>
            {t('actions.cancel')}
          </button>
        </>
      }
    >
      {error && (
        <Alert kind="error" heading={t('errors.title')}>
          <p>{error}</p>
        </Alert>
      )}
      <p>{text}</p>
    </Modal>
  );
}
