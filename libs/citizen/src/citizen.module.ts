import { AuthModule } from '@jobbro/auth';
import { CompanyModule } from '@jobbro/company';
import { ReferenceModule } from '@jobbro/reference';
import { NotificationsModule } from '@jobbro/notifications';
import { Module } from '@nestjs/common';
import { CaseService } from './case.service';
import { CitizenAccess } from './citizen.access';
import { CitizenRepository } from './citizen.repository';
import { CitizenResolver } from './citizen.resolver';
import { CitizenService } from './citizen.service';
import { CitizenInvitationResolver } from './invitations/citizen-invitation.resolver';
import { CitizenInvitationService } from './invitations/citizen-invitation.service';
import {
  CitizenScheduledMeetingsResolver,
  ScheduledMeetingResolver,
} from './meetings/scheduled-meeting.resolver';
import { ScheduledMeetingRepository } from './meetings/scheduled-meeting.repository';
import { ScheduledMeetingService } from './meetings/scheduled-meeting.service';
import { PlanPdfController } from './plan-pdf.controller';
import { RemindersModule } from './reminders/reminders.module';
import {
  MeetingSpecialCategoryResolver,
  NeedsSpecialCategoryResolver,
} from './special-category.resolver';
import { WorkProfileRepository } from './work-profile/work-profile.repository';
import {
  NeedsAvailabilityResolver,
  WorkProfileResolver,
} from './work-profile/work-profile.resolver';
import { WorkProfileService } from './work-profile/work-profile.service';

@Module({
  // RemindersModule: so the API (and tests) can run the job; the worker schedules it.
  imports: [AuthModule, ReferenceModule, CompanyModule, NotificationsModule, RemindersModule],
  controllers: [PlanPdfController],
  providers: [
    CitizenRepository,
    CitizenAccess,
    CitizenService,
    CaseService,
    CitizenResolver,
    NeedsSpecialCategoryResolver,
    MeetingSpecialCategoryResolver,
    ScheduledMeetingRepository,
    ScheduledMeetingService,
    ScheduledMeetingResolver,
    CitizenScheduledMeetingsResolver,
    CitizenInvitationService,
    CitizenInvitationResolver,
    WorkProfileRepository,
    WorkProfileService,
    WorkProfileResolver,
    NeedsAvailabilityResolver,
  ],
  exports: [CitizenService, CaseService, CitizenAccess],
})
export class CitizenModule {}
