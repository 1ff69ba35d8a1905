import type { LegalRule, RuleCheck, RuleDefinition, RuleFacts } from './rule-types';
import { verdict } from './rule-support';

/**
 * Paid hours beside an internship: ordinary (paid) hours and internship hours at the same
 * workplace must cover different tasks. The system cannot see the tasks, so it warns whenever
 * both exist, for the work agreement to say which tasks are which.
 */
export function checkPaidHoursBesideInternship(rule: LegalRule, facts: RuleFacts): RuleCheck {
  const both = facts.paidHoursAtSameWorkplace;
  return verdict(
    rule,
    !both,
    both
      ? {
          da: 'Borgeren har også ordinære (lønnede) timer på samme arbejdsplads. Praktiktimer og ordinære timer skal dække forskellige opgaver: skriv i arbejdsaftalen, hvilke opgaver der hører til hvad.',
          en: 'The citizen also has ordinary (paid) hours at the same workplace. Internship hours and ordinary hours must cover different tasks: state in the work agreement which tasks belong to which.',
        }
      : {
          da: 'Borgeren har ingen ordinære timer på samme arbejdsplads ved siden af praktikken.',
          en: 'The citizen has no ordinary hours at the same workplace beside the internship.',
        },
    { paidHoursAtSameWorkplace: both ? 'yes' : 'no' },
  );
}

export const paidHoursBesideInternship: RuleDefinition = {
  code: 'paid_hours_beside_internship',
  name: { da: 'Ordinære timer ved siden af praktik', en: 'Paid hours beside an internship' },
  appliesTo: ['internship'],
  check: checkPaidHoursBesideInternship,
  describe: () => ({
    da: 'Ordinære timer og praktiktimer på samme arbejdsplads skal dække forskellige opgaver.',
    en: 'Ordinary hours and internship hours at the same workplace must cover different tasks.',
  }),
};
