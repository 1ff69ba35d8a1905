import { aRule, facts, seededRuleHistory } from '../testing/rule-fixtures';
import { evaluateRules } from './evaluate';
import {
  checkPlacementTypes,
  placementTypeAllowed,
  placementTypeRows,
  placementTypes,
} from './placement-types';

const SEEDED = seededRuleHistory();

describe('placement types for the target group (LAB ch. 11-12), as dated rows', () => {
  it.each([
    // A group with a row of its own.
    ['sygedagpenge', 'internship', true],
    ['sygedagpenge', 'wage_subsidy', false],
    ['jobafklaring', 'wage_subsidy', false],
    ['ledighedsydelse', 'flex_job', true],
    ['ledighedsydelse', 'wage_subsidy', false],
    // Every other group follows the row without a group: all but flex jobs.
    ['dagpenge', 'wage_subsidy', true],
    ['dagpenge_dimittend', 'internship', true],
    ['kontanthjaelp_aktivitetsparat', 'ordinary_hours', true],
    ['kontanthjaelp_aktivitetsparat', 'flex_job', false],
    // A group added to the table later, with no row yet: the general row, never "allowed".
    ['a_new_group', 'flex_job', false],
  ] as const)('%s, %s: allowed %s', (targetGroup, placementType, allowed) => {
    for (const start of ['2026-12-31', '2027-01-01'])
      expect(placementTypeAllowed(SEEDED, { targetGroup, placementType, start }).allowed).toBe(
        allowed,
      );
  });

  it('cannot decide without a target group where the rows differ by group, nor with no row', () => {
    const none = { placementType: 'wage_subsidy', start: '2026-06-01' } as const;
    expect(placementTypeAllowed(SEEDED, { ...none, targetGroup: null })).toEqual({
      allowed: null,
      rule: null,
    });
    expect(
      placementTypeAllowed(SEEDED, { ...none, targetGroup: 'dagpenge', start: '2019-12-31' }),
    ).toEqual({ allowed: null, rule: null });
  });

  it('follows the row in force: a successor from 1 January 2027 changes the verdict at midnight', () => {
    const rules = [
      aRule('placement_types', { types: ['internship'] })
        .forGroup('sygedagpenge')
        .build(),
      aRule('placement_types', { types: ['internship', 'wage_subsidy'] })
        .forGroup('sygedagpenge')
        .valid('2027-01-01', null)
        .build(),
    ];
    const on = (start: string) =>
      placementTypeAllowed(rules, {
        targetGroup: 'sygedagpenge',
        placementType: 'wage_subsidy',
        start,
      }).allowed;
    expect(on('2026-12-31')).toBe(false);
    expect(on('2027-01-01')).toBe(true);
  });

  it('blocks a type the group may not have, naming the type, the allowed types and the source', () => {
    const rule = aRule('placement_types', { types: ['internship', 'ordinary_hours'] })
      .forGroup('sygedagpenge')
      .build();
    const check = checkPlacementTypes(
      rule,
      facts({ placementType: 'wage_subsidy', targetGroup: 'sygedagpenge' }),
    );
    expect(check).toMatchObject({
      rule: 'placement_types',
      severity: 'block',
      passed: false,
      numbers: {
        placementType: 'wage_subsidy',
        targetGroup: 'sygedagpenge',
        allowedTypes: 'internship,ordinary_hours',
      },
      source: rule.source,
    });
    expect(check.message.da).toBe(
      'Løntilskud er ikke tilladt for borgerens målgruppe. Målgruppen kan få virksomhedspraktik og ordinære timer (småjob).',
    );
    expect(check.message.en).toContain('Wage subsidy is not allowed');
    const passed = checkPlacementTypes(rule, facts({ targetGroup: 'sygedagpenge' }));
    expect(passed.passed).toBe(true);
    expect(passed.message.da).toBe('Virksomhedspraktik er tilladt for borgerens målgruppe.');
  });

  it('is checked for every placement type when a consultant proposes, first in the list', () => {
    for (const placementType of placementTypes.appliesTo) {
      const checks = evaluateRules(SEEDED, facts({ placementType, targetGroup: 'sygedagpenge' }));
      expect(checks[0]).toMatchObject({
        rule: 'placement_types',
        passed: placementType === 'internship' || placementType === 'ordinary_hours',
      });
    }
    // No target group: the rows differ by group, so a warning asks for it (never a silent pass).
    const unknown = evaluateRules(SEEDED, facts({ placementType: 'flex_job', targetGroup: null }));
    expect(unknown[0]).toMatchObject({
      rule: 'placement_types',
      severity: 'warning',
      passed: false,
    });
  });

  it('describes a row with the types in words', () => {
    expect(
      placementTypes.describe(
        aRule('placement_types', { types: ['internship', 'ordinary_hours', 'flex_job'] }).build(),
      ).da,
    ).toBe('Målgruppen kan få virksomhedspraktik, ordinære timer (småjob) og fleksjob.');
  });

  it('gives SQL the rows for one type, a group’s own rows before the general one', () => {
    const rows = placementTypeRows(SEEDED, 'wage_subsidy');
    expect(rows).toHaveLength(8);
    const general = rows.findIndex((r) => r.targetGroup === '');
    expect(rows.slice(general).every((r) => r.targetGroup === '')).toBe(true);
    expect(rows.filter((r) => r.targetGroup === 'sygedagpenge').map((r) => r.allows)).toEqual([
      false,
      false,
    ]);
    expect(rows.filter((r) => r.targetGroup === '').map((r) => r.allows)).toEqual([true, true]);
  });
});
