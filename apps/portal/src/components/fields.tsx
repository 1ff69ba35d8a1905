import { type ComponentPropsWithRef, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Form fields in Det Fælles Designsystem's markup: label, hint and error message tied to the
 * input with aria-describedby; `form-error` and aria-invalid when the field has an error. Each
 * field takes react-hook-form's `register(...)` result spread into it (refs are plain props).
 */
interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** The id the error summary links to; default a generated one. */
  id?: string;
}

function useFieldIds(id: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const inputId = id ?? `f${generated.replace(/:/g, '')}`;
  const describedBy = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return { inputId, describedBy: describedBy || undefined };
}

function Frame({
  inputId,
  label,
  hint,
  error,
  optional,
  children,
  className = '',
}: FieldFrame & { inputId: string; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`form-group ${error ? 'form-error' : ''} ${className}`}>
      <label className="form-label" htmlFor={inputId}>
        {label}
        {optional && <span className="weight-normal"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <span className="form-hint" id={`${inputId}-hint`}>
          {hint}
        </span>
      )}
      {error && <FieldErrorMessage id={`${inputId}-error`} message={error} />}
      {children}
    </div>
  );
}

export function FieldErrorMessage({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('errors.title')}: </span>
      {message}
    </span>
  );
}

type InputProps = FieldFrame &
  Omit<ComponentPropsWithRef<'input'>, 'id'> & { width?: 'xs' | 's' | 'm' | 'l' | 'xl' };

export function TextField({
  label,
  hint,
  error,
  optional,
  id,
  width,
  className,
  ...input
}: InputProps) {
  const { inputId, describedBy } = useFieldIds(id, hint, error);
  return (
    <Frame inputId={inputId} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={inputId}
        className={`form-input ${width ? `input-width-${width}` : ''} ${className ?? ''}`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </Frame>
  );
}

type TextAreaProps = FieldFrame & Omit<ComponentPropsWithRef<'textarea'>, 'id'>;

export function TextArea({ label, hint, error, optional, id, rows = 4, ...input }: TextAreaProps) {
  const { inputId, describedBy } = useFieldIds(id, hint, error);
  return (
    <Frame inputId={inputId} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={inputId}
        className="form-input"
        rows={rows}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </Frame>
  );
}

type SelectProps = FieldFrame &
  Omit<ComponentPropsWithRef<'select'>, 'id'> & {
    options: { value: string; label: string }[];
    /** A first empty option with this text (e.g. "Vælg"). */
    placeholder?: string;
  };

export function Select({
  label,
  hint,
  error,
  optional,
  id,
  options,
  placeholder,
  ...select
}: SelectProps) {
  const { inputId, describedBy } = useFieldIds(id, hint, error);
  return (
    <Frame inputId={inputId} label={label} hint={hint} error={error} optional={optional}>
      <select
        id={inputId}
        className="form-select"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

type CheckboxProps = Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> & {
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
};

export function Checkbox({ label, id, hint, ...input }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `c${generated.replace(/:/g, '')}`;
  return (
    <div className="form-group-checkbox">
      <input
        id={inputId}
        type="checkbox"
        className="form-checkbox"
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...input}
      />
      <label className="form-label" htmlFor={inputId}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${inputId}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** A group of checkboxes or radios in a fieldset with a legend (one question, several answers). */
export function ChoiceGroup({
  legend,
  hint,
  error,
  id,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  children: ReactNode;
}) {
  const generated = useId();
  const groupId = id ?? `g${generated.replace(/:/g, '')}`;
  const describedBy = [hint ? `${groupId}-hint` : '', error ? `${groupId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`form-group ${error ? 'form-error' : ''}`} id={groupId} tabIndex={-1}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend className="form-label">{legend}</legend>
        {hint && (
          <span className="form-hint" id={`${groupId}-hint`}>
            {hint}
          </span>
        )}
        {error && <FieldErrorMessage id={`${groupId}-error`} message={error} />}
        <ul className="nobullet-list">{children}</ul>
      </fieldset>
    </div>
  );
}

type RadioProps = Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> & {
  label: ReactNode;
  id?: string;
};

export function Radio({ label, id, ...input }: RadioProps) {
  const generated = useId();
  const inputId = id ?? `r${generated.replace(/:/g, '')}`;
  return (
    <li className="form-group-radio">
      <input id={inputId} type="radio" className="form-radio" {...input} />
      <label className="form-label" htmlFor={inputId}>
        {label}
      </label>
    </li>
  );
}

export function CheckboxItem(props: CheckboxProps) {
  return (
    <li>
      <Checkbox {...props} />
    </li>
  );
}
