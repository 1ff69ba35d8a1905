import type { Localized } from '@jobbro/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { codeLabels, type LabelLookup } from './catalogues';

/** A target group (målgruppe) with the period it is in force; `validTo` null means open-ended. */
export interface TargetGroupDefinition {
  code: string;
  label: Localized;
  validFrom: string;
  validTo: string | null;
}

/** Whether the group is in force on the date (YYYY-MM-DD), both ends included. */
export const targetGroupInForce = (group: TargetGroupDefinition, on: string): boolean =>
  group.validFrom <= on && (group.validTo === null || group.validTo >= on);

/**
 * The target-group table (reference data, changed only by migrations) as the one source of the
 * groups' labels and validity. Read once per process.
 */
@Injectable()
export class TargetGroupCatalogue {
  private loaded?: Promise<Map<string, TargetGroupDefinition>>;

  constructor(private readonly dataSource: DataSource) {}

  /** The group with its validity, whether or not it is in force today; undefined if unknown. */
  async find(code: string): Promise<TargetGroupDefinition | undefined> {
    return (await this.all()).get(code);
  }

  /** Every label lookup the API needs: the static catalogues and the target groups' labels. */
  async labels(): Promise<LabelLookup> {
    const groups = await this.all();
    return codeLabels(Object.fromEntries([...groups].map(([code, g]) => [code, g.label])));
  }

  private all(): Promise<Map<string, TargetGroupDefinition>> {
    this.loaded ??= this.dataSource
      .query<{ code: string; da: string; en: string; validFrom: string; validTo: string | null }[]>(
        `SELECT code, label_da AS da, label_en AS en, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
                to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
           FROM target_group`,
      )
      .then(
        (rows) =>
          new Map(
            rows.map((r) => [
              r.code,
              {
                code: r.code,
                label: { da: r.da, en: r.en },
                validFrom: r.validFrom,
                validTo: r.validTo,
              },
            ]),
          ),
      )
      .catch((error: unknown) => {
        // Not cached on failure: the next call tries again.
        this.loaded = undefined;
        throw error;
      });
    return this.loaded;
  }
}

const LONG_DATE = {
  da: new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A date (YYYY-MM-DD) as people write it: "30. juni 2026", "30 June 2026". */
export const longDate = (date: string): Localized => {
  const d = new Date(`${date}T00:00:00Z`);
  return { da: LONG_DATE.da.format(d), en: LONG_DATE.en.format(d) };
};

/** The period a group is in force, in words: "fra 1. januar 2019 til 30. juni 2026". */
export function validityPeriod(group: TargetGroupDefinition): Localized {
  const from = longDate(group.validFrom);
  if (group.validTo === null) return { da: `fra ${from.da}`, en: `from ${from.en}` };
  const to = longDate(group.validTo);
  return { da: `fra ${from.da} til ${to.da}`, en: `from ${from.en} to ${to.en}` };
}
