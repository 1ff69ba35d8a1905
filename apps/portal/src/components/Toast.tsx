import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ToastKind = 'success' | 'info' | 'warning' | 'error';
interface ToastItem {
  id: number;
  kind: ToastKind;
  text: string;
}

const ToastContext = createContext<(text: string, kind?: ToastKind) => void>(() => undefined);

/**
 * Short confirmations ("Gemt") in dkfds' toast markup, announced through a polite live region
 * that is always in the page; each disappears after 8 seconds or when closed.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const { t } = useTranslation();
  const remove = useCallback((id: number) => setItems((all) => all.filter((i) => i.id !== id)), []);
  const show = useCallback(
    (text: string, kind: ToastKind = 'success') => {
      const id = Date.now() + Math.random();
      setItems((all) => [...all, { id, kind, text }]);
      setTimeout(() => remove(id), 8000);
    },
    [remove],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-container" aria-live="polite" role="status">
        {items.map((item) => (
          <div key={item.id} className={`toast toast-${item.kind} show`}>
            <div className="toast-message">
              <p>{item.text}</p>
            </div>
            <button type="button" className="toast-close" onClick={() => remove(item.id)}>
              {t('actions.close')}
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
