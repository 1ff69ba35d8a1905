import { PartnershipStatus as S } from '../company.enums';
import { canChangePartnership, type PartySide } from './partnership-rules';

describe('partnership transitions', () => {
  it.each<[S, PartySide, S, PartySide, boolean]>([
    [S.Proposed, 'company', S.Active, 'job_centre', true],
    [S.Proposed, 'company', S.Active, 'company', false],
    [S.Proposed, 'job_centre', S.Active, 'company', true],
    [S.Proposed, 'job_centre', S.Active, 'job_centre', false],
    [S.Proposed, 'company', S.Ended, 'company', true],
    [S.Proposed, 'company', S.Paused, 'job_centre', false],
    [S.Active, 'company', S.Paused, 'company', true],
    [S.Active, 'company', S.Paused, 'job_centre', true],
    [S.Paused, 'company', S.Active, 'company', true],
    [S.Active, 'company', S.Ended, 'job_centre', true],
    [S.Ended, 'company', S.Active, 'job_centre', false],
    [S.Ended, 'company', S.Paused, 'company', false],
    [S.Active, 'company', S.Proposed, 'company', false],
  ])('%s (proposed by %s) -> %s by %s: %s', (status, proposedBySide, to, side, allowed) => {
    expect(canChangePartnership({ status, proposedBySide }, to, side)).toBe(allowed);
  });
});
