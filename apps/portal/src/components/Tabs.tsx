import DkfdsTabs from 'dkfds-js/tabs';
import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface TabItem {
  key: string;
  label: ReactNode;
  content: ReactNode;
}

/**
 * Tabs in dkfds markup; the design system's own Tabs script gives the keyboard behaviour (arrow
 * keys, Home/End) and shows one panel, initialised on this element only.
 */
export function Tabs({ items, label }: { items: TabItem[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const base = useId().replace(/:/g, '');
  const keys = items.map((i) => i.key).join('|');
  useEffect(() => {
    if (ref.current) new DkfdsTabs(ref.current).init();
  }, [keys]);
  return (
    <div className="tab-container" ref={ref}>
      <div className="tab-list" role="tablist" aria-label={label}>
        {items.map((item, i) => (
          <button
            key={item.key}
            type="button"
            role="tab"
            className="tab-button"
            id={`${base}-tab-${item.key}`}
            aria-controls={`${base}-panel-${item.key}`}
            aria-selected={i === 0 ? 'true' : 'false'}
            tabIndex={i === 0 ? 0 : -1}
          >
            <span>{item.label}</span>
          </button>
        ))}
      </div>
      {items.map((item, i) => (
        <section
          key={item.key}
          className="tab-panel"
          role="tabpanel"
          id={`${base}-panel-${item.key}`}
          aria-labelledby={`${base}-tab-${item.key}`}
          tabIndex={0}
          hidden={i !== 0}
        >
          {item.content}
        </section>
      ))}
    </div>
  );
}
