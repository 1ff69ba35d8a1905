import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A dialog in dkfds' modal markup on the native <dialog> element: showModal() makes the rest of
 * the page inert and keeps focus inside; Escape closes. On closing, focus goes to `returnFocus()`
 * when it names an element on the page (say, the heading, when the action removed the button that
 * opened the dialog), else back to what opened it. It is set after the dialog has closed, so the
 * browser's own return of focus (to an opener that may be gone) cannot undo it.
 */
export function Modal({
  open,
  title,
  onClose,
  children,
  footer,
  returnFocus,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** Read when the dialog closes; null or undefined for the opener. */
  returnFocus?: () => HTMLElement | null | undefined;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  const returnTo = useRef(returnFocus);
  returnTo.current = returnFocus;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        const target = returnTo.current?.();
        (target?.isConnected ? target : opener)?.focus();
      };
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="fds-modal-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="modal-content">
          <div className="modal-header">
            <h2 className="modal-title" id={titleId}>
              {title}
            </h2>
            <button type="button" className="modal-close function-link" onClick={onClose}>
              {t('actions.close')}
            </button>
          </div>
          <div className="modal-body">{children}</div>
          {footer && <div className="modal-footer">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
