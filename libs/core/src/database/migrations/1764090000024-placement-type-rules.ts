import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODES = [
  'internship_duration',
  'internship_weekly_hours',
  'not_last_employer',
  'reasonableness_ratio',
  'net_job_creation',
  'wage_subsidy_duration',
  'paid_hours_beside_internship',
];
const codeCheck = (codes: string[]): string =>
  `ALTER TABLE legal_rule ADD CONSTRAINT legal_rule_code_check CHECK (code IN (${codes
    .map((c) => `'${c}'`)
    .join(', ')}))`;

/**
 * Two rules that were not yet data:
 * - `placement_types`: which placement types a target group may use (LAB ch. 11-12: no wage
 *   subsidy for sickness benefit or job clarification; flex jobs only for those referred to one).
 *   It was a constant in matching's code; now matching and the proposal checks read these rows,
 *   and a proposal of a type the citizen's group may not have is blocked, not only left out of
 *   the matches. A row with no target group is the rule for every group without a row of its own.
 * - newly graduated dagpenge recipients (dimittender): a target group with 8 weeks of internship
 *   (../shared/DOMAIN.md), otherwise the dagpenge numbers (wage subsidy 6 months private, 4
 *   public; not at the most recent employer).
 *
 * Both periods as the other rules: in force to 31 December 2026 and the successors from 1 January
 * 2027. Also: a reasonableness row's `averageMonths`, read since 1764090000023, is checked here.
 */
export class PlacementTypeRules1764090000024 implements MigrationInterface {
  name = 'PlacementTypeRules1764090000024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE legal_rule DROP CONSTRAINT legal_rule_code_check`);
    await q.query(codeCheck([...CODES, 'placement_types']));
    await q.query(`
      ALTER TABLE legal_rule ADD CONSTRAINT legal_rule_placement_types CHECK (
        code <> 'placement_types' OR coalesce(
          sector IS NULL AND jsonb_typeof(params -> 'types') = 'array'
          AND jsonb_array_length(params -> 'types') > 0
          AND params -> 'types' <@ '["internship", "wage_subsidy", "ordinary_hours", "flex_job"]'::jsonb,
          false))`);
    await q.query(`
      ALTER TABLE legal_rule ADD CONSTRAINT legal_rule_average_months CHECK (
        code <> 'reasonableness_ratio' OR NOT params ? 'averageMonths' OR coalesce(
          jsonb_typeof(params -> 'averageMonths') = 'number'
          AND (params ->> 'averageMonths')::numeric BETWEEN 1 AND 60
          AND (params ->> 'averageMonths')::numeric = trunc((params ->> 'averageMonths')::numeric),
          false))`);

    await q.query(`
      INSERT INTO target_group (code, label_da, label_en, valid_from, valid_to)
      VALUES ('dagpenge_dimittend', 'Nyuddannet dagpengemodtager (dimittend)',
              'Newly graduated unemployment benefit recipient', '2019-01-01', NULL)`);

    for (const [from, to, prefix] of [
      ['2020-01-01', '2026-12-31', ''],
      ['2027-01-01', null, 'Ny LAB fra 1. januar 2027 (forventet); tallene som '],
    ] as const) {
      const en = prefix ? 'New LAB from 1 January 2027 (expected); the numbers of ' : '';
      await q.query(
        `INSERT INTO legal_rule (code, target_group, sector, params, severity, valid_from, valid_to, source_da, source_en)
         SELECT r.code, r.target_group, r.sector, r.params::jsonb, 'block', $1, $2, $3 || r.source_da, $4 || r.source_en
           FROM (VALUES
             ('placement_types', NULL, NULL, '{"types": ["internship", "wage_subsidy", "ordinary_hours"]}',
              'LAB §§ 42, 51 (virksomhedspraktik og løntilskud)', 'LAB ss. 42, 51 (work trials and wage subsidies)'),
             ('placement_types', 'sygedagpenge', NULL, '{"types": ["internship", "ordinary_hours"]}',
              'LAB § 42', 'LAB s. 42 (Active Employment Act)'),
             ('placement_types', 'jobafklaring', NULL, '{"types": ["internship", "ordinary_hours"]}',
              'LAB § 42', 'LAB s. 42 (Active Employment Act)'),
             ('placement_types', 'ledighedsydelse', NULL, '{"types": ["internship", "ordinary_hours", "flex_job"]}',
              'LAB § 42, lov om fleksjob', 'LAB s. 42 and the flex job rules'),
             ('internship_duration', 'dagpenge_dimittend', NULL, '{"weeks": 8}',
              'LAB § 61', 'LAB s. 61 (Active Employment Act)'),
             ('wage_subsidy_duration', 'dagpenge_dimittend', 'private', '{"months": 6}',
              'LAB § 68', 'LAB s. 68 (Active Employment Act)'),
             ('wage_subsidy_duration', 'dagpenge_dimittend', 'public', '{"months": 4}',
              'LAB § 68', 'LAB s. 68 (Active Employment Act)')
           ) AS r (code, target_group, sector, params, source_da, source_en)`,
        [from, to, prefix, en],
      );
    }
    await q.query(
      `UPDATE legal_rule SET params = jsonb_set(params, '{targetGroups}', (params -> 'targetGroups') || '["dagpenge_dimittend"]')
        WHERE code = 'not_last_employer' AND NOT params -> 'targetGroups' ? 'dagpenge_dimittend'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE legal_rule SET params = jsonb_set(params, '{targetGroups}', (params -> 'targetGroups') - 'dagpenge_dimittend')
        WHERE code = 'not_last_employer'`,
    );
    await q.query(
      `DELETE FROM legal_rule WHERE code = 'placement_types' OR target_group = 'dagpenge_dimittend'`,
    );
    await q.query(`DELETE FROM citizen_target_group WHERE target_group = 'dagpenge_dimittend'`);
    await q.query(`DELETE FROM target_group WHERE code = 'dagpenge_dimittend'`);
    await q.query(`ALTER TABLE legal_rule DROP CONSTRAINT legal_rule_average_months`);
    await q.query(`ALTER TABLE legal_rule DROP CONSTRAINT legal_rule_placement_types`);
    await q.query(`ALTER TABLE legal_rule DROP CONSTRAINT legal_rule_code_check`);
    await q.query(codeCheck(CODES));
  }
}
