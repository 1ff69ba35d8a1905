import { VISIBLE_PARTNERSHIP_STATUSES } from './rules/partnership-rules';

/**
 * What a job centre's staff see of partner companies' slots, said once: the `placements` query
 * repeats this sentence and the README says the same. A consultant follows citizens up in slots
 * that were paused or closed later, and under a partnership that was paused, so those slots stay
 * readable; what can be offered now is a filter (`statuses: [PUBLISHED]`) and is all that
 * matching and search offer.
 */
export const STAFF_SLOT_VISIBILITY =
  'Staff see the slots of companies in partnership with their job centre (the partnership active or paused) in every status but draft: published, paused and closed (plus drafts their own job centre made), so a citizen placed there can be followed up. Filter on statuses: [PUBLISHED] for what can be offered now; matching and search offer only published slots.';

/**
 * Whose slots a caller may see, as `CompanyAccess.placementVisibility` decides it:
 * - `companies`: a company admin's or mentor's own companies, every status (drafts included);
 * - `jobCentre`: staff of that job centre, the slots of companies in partnership with it
 *   (active or paused) once out of draft, and the drafts the job centre's own consultants created
 *   on the company's behalf;
 * - `none`: nothing.
 */
export type PlacementVisibility =
  | { kind: 'companies'; companyIds: string[] }
  | { kind: 'jobCentre'; jobCentreId: string }
  | { kind: 'none' };

/**
 * The visibility rule as one SQL predicate over a `placement` row aliased `alias`. It is the only
 * form of the rule: reading one slot, listing, search hits and matching (libs/matching composes it
 * into its own queries, so a snapshot and its version stay one read) all apply it. `param` adds
 * a value to the caller's query and returns its placeholder (`$3` or `:name`).
 */
export function visiblePlacementsSql(
  visibility: PlacementVisibility,
  alias: string,
  param: (value: unknown) => string,
): string {
  switch (visibility.kind) {
    case 'companies':
      return `${alias}.company_id = ANY(${param(visibility.companyIds)}::uuid[])`;
    case 'jobCentre': {
      const jobCentre = param(visibility.jobCentreId);
      return `((${alias}.status <> 'draft' OR ${alias}.created_by_job_centre_id = ${jobCentre}::uuid)
        AND EXISTS (
        SELECT 1 FROM partnership visible_by WHERE visible_by.company_id = ${alias}.company_id
           AND visible_by.job_centre_id = ${jobCentre}::uuid
           AND visible_by.status = ANY(${param(VISIBLE_PARTNERSHIP_STATUSES)}::partnership_status[])))`;
    }
    case 'none':
      return 'false';
  }
}

/** A `param` for positional queries (`dataSource.query(sql, params)`): pushes onto `params`. */
export const positional =
  (params: unknown[]) =>
  (value: unknown): string =>
    `$${params.push(value)}`;
