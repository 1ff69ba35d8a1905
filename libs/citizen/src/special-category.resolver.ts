import { AuditService } from '@jobbro/auth';
import { CurrentUser, forbidden, type Principal } from '@jobbro/core';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RESTRICTED } from './citizen.view';
import { MeetingModel, NeedsModel } from './models/citizen.models';

const DESCRIPTION =
  'Special-category (GDPR art. 9): FORBIDDEN unless you are on the citizen’s team or are the citizen.';

async function reveal(
  audit: AuditService,
  user: Principal,
  citizenId: string,
  field: string,
  value: string | null,
): Promise<string | null> {
  if (value !== RESTRICTED) return value;
  await audit.record({
    principal: user,
    citizenIds: [citizenId],
    action: 'read',
    operation: field,
    allowed: false,
  });
  throw forbidden();
}

/** Health and social fields: asking for one you may not see is refused on that field and audited. */
@Resolver(() => NeedsModel)
export class NeedsSpecialCategoryResolver {
  constructor(private readonly audit: AuditService) {}

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  accommodationNotes(
    @Parent() needs: NeedsModel,
    @CurrentUser() user: Principal,
  ): Promise<string | null> {
    return reveal(
      this.audit,
      user,
      needs.citizenId,
      'needs.accommodationNotes',
      needs.accommodationNotes,
    );
  }

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  functionalLimits(
    @Parent() needs: NeedsModel,
    @CurrentUser() user: Principal,
  ): Promise<string | null> {
    return reveal(
      this.audit,
      user,
      needs.citizenId,
      'needs.functionalLimits',
      needs.functionalLimits,
    );
  }

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  supportNeeds(
    @Parent() needs: NeedsModel,
    @CurrentUser() user: Principal,
  ): Promise<string | null> {
    return reveal(this.audit, user, needs.citizenId, 'needs.supportNeeds', needs.supportNeeds);
  }
}

@Resolver(() => MeetingModel)
export class MeetingSpecialCategoryResolver {
  constructor(private readonly audit: AuditService) {}

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  notes(@Parent() meeting: MeetingModel, @CurrentUser() user: Principal): Promise<string | null> {
    return reveal(this.audit, user, meeting.citizenId, 'meeting.notes', meeting.notes);
  }

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  decisions(
    @Parent() meeting: MeetingModel,
    @CurrentUser() user: Principal,
  ): Promise<string | null> {
    return reveal(this.audit, user, meeting.citizenId, 'meeting.decisions', meeting.decisions);
  }
}
