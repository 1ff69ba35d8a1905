/**
 * SQL over a citizen's id for libs that read citizen facts in their own queries (matching, the
 * rules' facts of a proposal), so each fact has one definition.
 */

/**
 * The company of the citizen's most recent employment (ongoing first), found by CVR when it was
 * recorded before the company joined Jobbro; null when none is recorded.
 */
export const mostRecentEmployerSql = (citizenId: string): string =>
  `(SELECT coalesce(e.company_id, (SELECT co.id FROM company co WHERE co.cvr = e.cvr)) FROM citizen_employment e
     WHERE e.citizen_id = ${citizenId} ORDER BY e.ended_on DESC NULLS FIRST, e.started_on DESC, e.recorded_at DESC, e.id DESC
     LIMIT 1)`;

/** The citizen's target group in force on `date` (a SQL date expression), or null. */
export const targetGroupOnSql = (citizenId: string, date: string): string =>
  `(SELECT t.target_group FROM citizen_target_group t WHERE t.citizen_id = ${citizenId} AND t.valid_from <= ${date}
     AND (t.valid_to IS NULL OR t.valid_to >= ${date}) ORDER BY t.valid_from DESC LIMIT 1)`;
