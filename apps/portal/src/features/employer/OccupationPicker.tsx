import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type Ref, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { FieldErrorMessage } from '@/components';
import { OccupationsDocument } from './api';

export interface ChosenOccupation {
  id: string;
  label: string;
}

/** The value after the person stops typing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * An occupation picker that searches as you type (`occupations(search:)`, in the reader's
 * language, typo-tolerant), in the ARIA 1.2 combobox pattern: a text input with role combobox
 * that controls a listbox; arrow keys move through the options (aria-activedescendant), Enter
 * chooses, Escape closes (or clears), and a polite live region says how many were found.
 */
export function OccupationPicker({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  onBlur,
  inputRef,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: ChosenOccupation | null;
  onChange: (value: ChosenOccupation | null) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t, i18n } = useTranslation('employer');
  const base = useId().replace(/:/g, '');
  const listboxId = `${base}-listbox`;
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const term = useDebounced(text.trim(), 250);
  const searching = open && term.length >= 2 && term !== value?.label;

  // A value set from outside (a slot loaded for editing) shows in the field.
  useEffect(() => {
    if (value) setText(value.label);
  }, [value]);

  const query = useQuery({
    queryKey: ['occupations', term, i18n.language],
    queryFn: () => request(OccupationsDocument, { search: term, first: 10 }),
    enabled: searching,
    staleTime: 5 * 60_000,
  });
  const options = searching ? (query.data?.occupations ?? []) : [];
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${base}-option-${i}`;

  useEffect(() => setActive(-1), [term]);

  const choose = (i: number) => {
    const option = options[i];
    if (!option) return;
    onChange({ id: option.id, label: option.label });
    setText(option.label);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a + 1) % options.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
        break;
      case 'Enter':
        if (expanded && active >= 0) {
          e.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText('');
          onChange(null);
        }
        break;
      default:
        break;
    }
  };

  let status = '';
  if (searching && query.isFetching) status = t('picker.searching');
  else if (searching && query.data)
    status = options.length ? t('picker.results', { count: options.length }) : t('picker.none');
  else if (value && !open) status = t('picker.chosen', { label: value.label });

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`form-group occupation-picker ${error ? 'form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && <FieldErrorMessage id={`${id}-error`} message={error} />}
      <div className="occupation-picker-box">
        <input
          ref={inputRef}
          id={id}
          type="text"
          className="form-input input-width-xl"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            if (value) onChange(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Let a click on an option land first.
            setTimeout(() => setOpen(false), 150);
            onBlur?.();
          }}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label={label}
          className="occupation-options"
          hidden={!expanded}
        >
          {options.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              <span className="d-block">{o.label}</span>
              <span className="d-block">{t('picker.isco', { group: o.iscoGroup.label })}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="sr-only" role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
