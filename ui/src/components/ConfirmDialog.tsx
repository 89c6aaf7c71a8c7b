import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  message: string;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question in the page (`<dialog>`): focus goes to "Annuler", Escape cancels, the rest
 * of the window is inert until it is answered.
 */
export function ConfirmDialog({ title, message, confirm, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      // jsdom has no showModal; the dialog is then simply open.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-message">{message}</p>
      <div className="confirm__actions">
        <button ref={cancel} type="button" className="button button--secondary" onClick={onCancel} data-testid="confirm-cancel">
          {t('library.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} data-testid="confirm-ok">
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
