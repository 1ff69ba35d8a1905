import { MeetingKind, ParticipantRole as R } from '../citizen.enums';
import { meetingWarnings } from './meeting-rules';

describe('meeting warnings', () => {
  it.each<[MeetingKind, R[], string[]]>([
    [MeetingKind.Start, [R.Caseworker, R.SocialSupport, R.CompanyConsultant, R.Citizen], []],
    [
      MeetingKind.Start,
      [R.Caseworker, R.Citizen],
      ['social støtte/CTI-medarbejder, virksomhedskonsulent'],
    ],
    [MeetingKind.Start, [], ['sagsbehandler, social støtte/CTI-medarbejder, virksomhedskonsulent']],
    [MeetingKind.FollowUp, [R.Citizen], []],
  ])('%s with %j warns about %j', (kind, roles, missing) => {
    expect(
      meetingWarnings(kind, roles).map((w) =>
        w.da.replace('Et opstartsmøde bør have ', '').replace(' med.', ''),
      ),
    ).toEqual(missing);
  });
});
