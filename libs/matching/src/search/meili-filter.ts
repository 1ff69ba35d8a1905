/**
 * A typed builder for Meilisearch filter expressions. Attribute names come from a fixed list in
 * code; every value is either a finite number or a string literal with quotes and backslashes
 * escaped, so user text can never change the structure of a filter (no injected AND/OR,
 * parentheses or _geoRadius).
 */
export const FILTERABLE = [
  'status',
  'companyId',
  'type',
  'iscoCode',
  'isco1',
  'isco2',
  'isco3',
  'accommodations',
  'weeklyHoursMin',
  'weeklyHoursMax',
  'startEarliest',
  'startLatestOrMax',
  'municipalityCode',
  'freeCapacity',
] as const;
export type FilterAttribute = (typeof FILTERABLE)[number];

export type FilterValue = string | number;

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function literal(value: FilterValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Filter numbers must be finite');
    return String(value);
  }
  return quote(value);
}

export class MeiliFilter {
  private readonly parts: string[] = [];

  eq(attribute: FilterAttribute, value: FilterValue): this {
    this.parts.push(`${attribute} = ${literal(value)}`);
    return this;
  }

  in(attribute: FilterAttribute, values: FilterValue[]): this {
    if (values.length === 0) return this;
    this.parts.push(`${attribute} IN [${values.map(literal).join(', ')}]`);
    return this;
  }

  /** Every value must be present (array attributes such as accommodations). */
  all(attribute: FilterAttribute, values: FilterValue[]): this {
    for (const v of values) this.eq(attribute, v);
    return this;
  }

  compare(attribute: FilterAttribute, op: '<' | '<=' | '>' | '>=', value: FilterValue): this {
    this.parts.push(`${attribute} ${op} ${literal(value)}`);
    return this;
  }

  geoRadius(latitude: number, longitude: number, metres: number): this {
    for (const n of [latitude, longitude, metres])
      if (!Number.isFinite(n)) throw new Error('Geo values must be finite');
    this.parts.push(`_geoRadius(${latitude}, ${longitude}, ${Math.round(metres)})`);
    return this;
  }

  build(): string {
    return this.parts.map((p) => `(${p})`).join(' AND ');
  }
}
