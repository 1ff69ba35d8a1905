import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CheckboxItem, ChoiceGroup, TextField } from '@/components';
import type { Weekday, WorkingTimesInput } from '@/gql/graphql';
import { type ApiForm, fieldId } from './useApiForm';

/**
 * Weekdays and time of day, as a citizen's availability and a slot's working times: the same
 * fields, rules and words in both places (the API's `WorkingTimes`).
 */
export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const satisfies readonly Weekday[];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface WorkingTimesValues {
  weekdays: string[];
  from: string;
  until: string;
}

interface WorkingTimesData {
  weekdays?: readonly Weekday[] | null;
  from?: string | null;
  until?: string | null;
}

/** The zod schema of the fields: times as HH:MM or empty, the end after the start. */
export function workingTimesSchema(
  t: (key: string) => string,
): z.ZodType<WorkingTimesValues, WorkingTimesValues> {
  const time = z
    .string()
    .trim()
    .refine((s) => s === '' || HH_MM.test(s), t('workingTimes.timeInvalid'));
  return z
    .object({ weekdays: z.array(z.string()), from: time, until: time })
    .superRefine((v, ctx) => {
      if (v.from && v.until && HH_MM.test(v.from) && HH_MM.test(v.until) && v.until <= v.from)
        ctx.addIssue({
          code: 'custom',
          path: ['until'],
          message: t('workingTimes.untilBeforeFrom'),
        });
    });
}

/** The form's values of what the API has (or nothing recorded). */
export function workingTimesDefaults(w?: WorkingTimesData | null): WorkingTimesValues {
  return { weekdays: [...(w?.weekdays ?? [])], from: w?.from ?? '', until: w?.until ?? '' };
}

/** What the API takes: null when nothing is chosen (not known), each part null when empty. */
export function toWorkingTimesInput(v: WorkingTimesValues): WorkingTimesInput | null {
  const weekdays = WEEKDAYS.filter((d) => v.weekdays.includes(d));
  if (weekdays.length === 0 && !v.from && !v.until) return null;
  return {
    weekdays: weekdays.length > 0 ? weekdays : null,
    from: v.from || null,
    until: v.until || null,
  };
}

/** "Mandag, tirsdag, onsdag · kl. 08:00–16:00", or "Ikke registreret". */
export function useFormatWorkingTimes(): (w?: WorkingTimesData | null) => string {
  const { t } = useTranslation();
  return (w) => {
    const days = WEEKDAYS.filter((d) => w?.weekdays?.includes(d));
    if (!w || (days.length === 0 && !w.from && !w.until)) return t('workingTimes.none');
    const dayText =
      days.length === 0 || days.length === 7
        ? t('workingTimes.anyDay')
        : days.map((d) => t(`workingTimes.day.${d}`)).join(', ');
    const timeText =
      w.from && w.until
        ? t('workingTimes.between', { from: w.from, until: w.until })
        : w.from
          ? t('workingTimes.fromTime', { from: w.from })
          : w.until
            ? t('workingTimes.untilTime', { until: w.until })
            : t('workingTimes.anyTime');
    return `${dayText} · ${timeText}`;
  };
}

/** The weekday checkboxes and the two times, under `name` in the form's values. */
export function WorkingTimesFields<T extends FieldValues, O>({
  form,
  name,
  legend,
  hint,
}: {
  form: ApiForm<T, O>;
  name: string;
  legend?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const path = (part: string) => `${name}.${part}` as Path<T>;
  const weekdaysError = form.field(path('weekdays')).error;
  return (
    <>
      <ChoiceGroup
        legend={legend ?? t('workingTimes.weekdaysLegend')}
        hint={hint}
        id={fieldId(path('weekdays'))}
        error={weekdaysError}
      >
        {WEEKDAYS.map((d) => (
          <CheckboxItem
            key={d}
            value={d}
            label={t(`workingTimes.day.${d}`)}
            {...form.register(path('weekdays'))}
          />
        ))}
      </ChoiceGroup>
      <div className="d-flex flex-wrap mt-6">
        <div className="mr-6">
          <TextField
            type="time"
            label={t('workingTimes.from')}
            hint={t('workingTimes.timeHint')}
            optional
            {...form.field(path('from'))}
          />
        </div>
        <div>
          <TextField
            type="time"
            label={t('workingTimes.until')}
            hint={t('workingTimes.timeHint')}
            optional
            {...form.field(path('until'))}
          />
        </div>
      </div>
    </>
  );
}
