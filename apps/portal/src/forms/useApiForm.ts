import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  useForm,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '@/api/errors';
import type { SummaryItem } from '@/components';
import { useErrorText } from '@/components';

/** The id of a field's input, which the error summary links to. */
export const fieldId = (name: string): string => `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** An API field path (`input.weeklyHours`, `weeklyHours`, `input.tasks.0`) as a form field name. */
export function formFieldOf(apiField: string): string {
  return apiField.replace(/^input\./, '');
}

export interface ApiForm<T extends FieldValues, O = T> extends UseFormReturn<T, unknown, O> {
  /** Pass to <form onSubmit>. Validates, then runs the action; API errors land on their fields. */
  submit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  /** Props for <ErrorSummary>: client and API field errors plus a form-level message. */
  summary: { items: SummaryItem[]; message?: string; focusKey: number };
  /** Props for a field: its id, its error message and react-hook-form's registration. */
  field: (
    name: Path<T>,
  ) => { id: string; error?: string } & ReturnType<UseFormReturn<T, unknown, O>['register']>;
  submitting: boolean;
}

/**
 * A form with react-hook-form and a zod schema that mirrors the API's rules. The API still has
 * the last word: its `extensions.fields` are shown next to the right field and in the summary;
 * any other error (conflict, forbidden, …) becomes the summary's message.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: S;
  defaultValues?: DefaultValues<z.input<S>>;
  onSubmit: (values: z.output<S>) => Promise<unknown>;
  /** Map API field names that differ from the form's (e.g. `occupationId` → `occupation`). */
  fieldMap?: Record<string, string>;
}): ApiForm<z.input<S>, z.output<S>> {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(options.schema as never) as never,
    defaultValues: options.defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const errorText = useErrorText();
  const [formMessage, setFormMessage] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  // Counts the submits that ended with errors: the summary takes focus after each.
  const [failedSubmits, setFailedSubmits] = useState(0);

  const submit = form.handleSubmit(
    async (values) => {
      setFormMessage(undefined);
      setSubmitting(true);
      try {
        await options.onSubmit(values);
      } catch (error) {
        const known = new Set(Object.keys(flatten(form.getValues())));
        let placed = 0;
        if (error instanceof ApiError) {
          for (const f of error.fields) {
            let name = formFieldOf(f.field);
            name = options.fieldMap?.[name] ?? name;
            if (known.has(name) || known.has(name.split('.')[0])) {
              form.setError((known.has(name) ? name : name.split('.')[0]) as Path<z.input<S>>, {
                type: 'server',
                message: f.message,
              });
              placed += 1;
            }
          }
        }
        // Whatever is not on a field is said at the top (the summary takes focus).
        if (placed === 0 || !(error instanceof ApiError) || error.fields.length > placed) {
          setFormMessage(errorText(error));
        }
        setFailedSubmits((n) => n + 1);
      } finally {
        setSubmitting(false);
      }
    },
    () => {
      setFormMessage(undefined);
      setFailedSubmits((n) => n + 1);
    },
  );

  const items = summaryItems(form.formState.errors);
  return Object.assign(form, {
    submit,
    submitting,
    summary: { items, message: formMessage, focusKey: failedSubmits },
    field: (name: Path<z.input<S>>) => ({
      id: fieldId(name),
      error: messageAt(form.formState.errors, name),
      ...form.register(name),
    }),
  });
}

function flatten(values: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    out[key] = v;
    if (v && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flatten(v as Record<string, unknown>, key));
  }
  return out;
}

function messageAt(errors: FieldErrors, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

function summaryItems(errors: FieldErrors, prefix = ''): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) items.push({ fieldId: fieldId(name), message });
    else if (typeof value === 'object') items.push(...summaryItems(value as FieldErrors, name));
  }
  return items;
}
