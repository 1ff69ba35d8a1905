import i18n from 'i18next';

/** Dates and numbers in the reader's language; Danish formats by default. */
const locale = (): string => (i18n.language === 'en' ? 'en-GB' : 'da-DK');

/** A calendar date ("2026-12-03" or an ISO instant) as "3. dec. 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

/** An instant as date and time in Danish time ("3. dec. 2026 10.00"). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(value));
}

export function formatNumber(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(), {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    fraction,
  );
}
