import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { i18n } from '@/i18n';
import { formatNumber } from '@/i18n/format';
import type { PlacementStatus } from '@/gql/graphql';
import { MyCompaniesDocument } from './api';

/** The companies the employer administers; the pages work on the first one. */
export function useMyCompany() {
  const query = useQuery({
    queryKey: ['employer', 'myCompanies'],
    queryFn: () => request(MyCompaniesDocument),
  });
  return { query, company: query.data?.myCompanies[0] };
}

/** "12,5" or "12.5" as a number; NaN when it is not one. */
export function parseNumber(text: string): number {
  const compact = text.trim().replace(/\s/g, '').replace(',', '.');
  return compact === '' || !/^-?\d+(\.\d+)?$/.test(compact) ? Number.NaN : Number(compact);
}

/**
 * A number typed in a text field, checked against the API's range (messages in the reader's
 * language); `optional` lets an empty field through as undefined.
 */
export function numberInRange(
  tc: TFunction,
  t: TFunction,
  min: number,
  max: number,
  options?: { integer?: boolean; optional?: false },
): z.ZodType<number, string>;
export function numberInRange(
  tc: TFunction,
  t: TFunction,
  min: number,
  max: number,
  options: { integer?: boolean; optional: true },
): z.ZodType<number | undefined, string>;
export function numberInRange(
  tc: TFunction,
  t: TFunction,
  min: number,
  max: number,
  options: { integer?: boolean; optional?: boolean } = {},
): z.ZodType<number | undefined, string> {
  return z.string().transform((text, ctx): number | undefined => {
    if (text.trim() === '') {
      if (options.optional) return undefined;
      ctx.addIssue({ code: 'custom', message: tc('form.required') });
      return z.NEVER;
    }
    const value = parseNumber(text);
    if (Number.isNaN(value)) {
      ctx.addIssue({ code: 'custom', message: tc('form.notANumber') });
      return z.NEVER;
    }
    if (options.integer && !Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', message: t('form.wholeNumber') });
      return z.NEVER;
    }
    if (value < min || value > max) {
      ctx.addIssue({
        code: 'custom',
        message: tc('form.numberRange', { min: formatNumber(min, 1), max: formatNumber(max, 1) }),
      });
      return z.NEVER;
    }
    return value;
  });
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** "DK 1234 5678" as its 8 digits (as the API reads it). */
export const normalizeCvr = (input: string): string =>
  input.replace(/^\s*DK/i, '').replace(/[\s-]/g, '');

/** The API's CVR rule: 8 digits, not starting with 0, weighted digit sum divisible by 11. */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  return [...cvr].reduce((sum, d, i) => sum + Number(d) * CVR_WEIGHTS[i], 0) % 11 === 0;
}

export const STATUS_TAG: Record<PlacementStatus, 'neutral' | 'success' | 'warning' | 'info'> = {
  DRAFT: 'neutral',
  PUBLISHED: 'success',
  PAUSED: 'warning',
  CLOSED: 'info',
};

/** A number for a text field ("12,5" in Danish, "12.5" in English). */
export const numberText = (value: number | null | undefined): string =>
  value === null || value === undefined
    ? ''
    : i18n.language === 'en'
      ? String(value)
      : String(value).replace('.', ',');
