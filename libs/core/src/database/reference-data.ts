import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../project-root';
import { normalizeSearchText } from '../text/normalize';

export interface PostalCodeRow {
  code: string;
  placeName: string;
  municipalityCode: number;
  municipalityName: string;
  regionName: string;
  latitude: number;
  longitude: number;
}
export interface IscoGroupRow {
  code: string;
  label: string;
  description: string;
}
export interface OccupationRow {
  id: string;
  escoUri: string;
  iscoCode: string;
  label: string;
  altLabels: string[];
  description: string;
  searchText: string;
}

// GeoNames mixes English and Danish names; the product speaks Danish.
const REGION_NAMES: Record<string, string> = {
  'Capital Region': 'Region Hovedstaden',
  Zealand: 'Region Sjælland',
  'North Denmark': 'Region Nordjylland',
  'Central Jutland': 'Region Midtjylland',
  'South Denmark': 'Region Syddanmark',
};
const MUNICIPALITY_NAMES: Record<number, string> = {
  101: 'Københavns Kommune',
  159: 'Gladsaxe Kommune',
  825: 'Læsø Kommune',
  851: 'Aalborg Kommune',
};

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(projectRoot(), 'libs/reference/data', file), 'utf8');
  return parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true });
}

/** The shipped reference data (see libs/reference/data/README.md for sources and licences). */
export function readReferenceData(): {
  postalCodes: PostalCodeRow[];
  iscoGroups: IscoGroupRow[];
  occupations: OccupationRow[];
} {
  // Codes below 1000 are non-geographic (PO boxes, "Udland", company codes) and carry misleading
  // coordinates in GeoNames (0900 København C is placed in Aalborg); no site can be there.
  const postalCodes = readCsv('dk-postal-codes.csv')
    .filter((r) => r.zipcode >= '1000')
    .map((r) => {
      const municipalityCode = Number(r.province_code);
      return {
        code: r.zipcode,
        placeName: r.place,
        municipalityCode,
        municipalityName: MUNICIPALITY_NAMES[municipalityCode] ?? r.province,
        regionName: REGION_NAMES[r.state] ?? r.state,
        latitude: Number(r.latitude),
        longitude: Number(r.longitude),
      };
    });
  const iscoGroups = readCsv('esco-isco-groups.csv').map((r) => ({
    code: r.code,
    label: r.preferredLabel,
    description: r.description ?? '',
  }));
  const occupations = readCsv('esco-occupations.csv').map((r) => {
    const altLabels = (r.altLabels ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      id: r.conceptUri.slice(r.conceptUri.lastIndexOf('/') + 1),
      escoUri: r.conceptUri,
      iscoCode: r.iscoGroup,
      label: r.preferredLabel,
      altLabels,
      description: r.description ?? '',
      searchText: normalizeSearchText([r.preferredLabel, ...altLabels].join(' | ')),
    };
  });
  return { postalCodes, iscoGroups, occupations };
}

/** Our Danish labels for common ESCO occupations (libs/reference/data/occupation-labels-da.csv). */
export function readDanishOccupationLabels(): {
  escoLabel: string;
  labelsDa: string[];
  searchText: string;
}[] {
  return readCsv('occupation-labels-da.csv').map((r) => {
    const labelsDa = r.labelsDa
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      escoLabel: r.escoLabel,
      labelsDa,
      searchText: normalizeSearchText(labelsDa.join(' | ')),
    };
  });
}

/**
 * ESCO's own Danish labels (libs/reference/data/esco-occupations-da.csv, isco-groups-da.csv):
 * every occupation's preferred and alternative labels by ESCO URI, every ISCO-08 group's title.
 */
export function readDanishEscoLabels(): {
  occupations: { escoUri: string; label: string; altLabels: string[] }[];
  iscoGroups: { code: string; label: string }[];
} {
  const occupations = readCsv('esco-occupations-da.csv').map((r) => ({
    escoUri: r.conceptUri,
    label: r.preferredLabel_da.trim(),
    altLabels: (r.altLabels_da ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  }));
  const iscoGroups = readCsv('isco-groups-da.csv').map((r) => ({
    code: r.code,
    label: r.preferredLabel_da.trim(),
  }));
  return { occupations, iscoGroups };
}

/**
 * All Danish labels of one occupation, ESCO's preferred label first, then our everyday words, then
 * ESCO's alternatives, without repeats; and their search text, the preferred label first so that
 * `split_part(search_text_da, ' | ', 1)` is the normalised preferred label.
 */
export function danishLabelsOf(
  preferred: string,
  ownLabels: readonly string[],
  escoAltLabels: readonly string[],
): { labelsDa: string[]; searchTextDa: string } {
  const seen = new Set<string>();
  const labelsDa = [preferred, ...ownLabels, ...escoAltLabels].filter((label) => {
    const key = normalizeSearchText(label);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { labelsDa, searchTextDa: normalizeSearchText(labelsDa.join(' | ')) };
}
