import { AuditService } from '@jobbro/auth';
import { CurrentUser, forbidden, type Principal } from '@jobbro/core';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MeetingModel, NeedsModel } from './models/citizen.models';

const DESCRIPTION =
  'Special-category (GDPR art. 9). For the citizen and the professionals on their team: the value, or null when none is recorded. For anyone else this field is refused with FORBIDDEN whether or not a value exists (the refusal is audited); leave it out of the query to read the rest.';

/** Refuses the field unless the parent was built for a caller who may see it; the value plays no part. */
async function reveal(
  audit: AuditService,
  user: Principal,
  parent: { citizenId: string; specialCategoryVisible: boolean },
  field: string,
  value: string | null,
): Promise<string | null> {
  if (parent.specialCategoryVisible) return value;
  const citizenId = parent.citizenId;
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
    return reveal(this.audit, user, needs, 'needs.accommodationNotes', needs.accommodationNotes);
  }

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  functionalLimits(
    @Parent() needs: NeedsModel,
    @CurrentUser() user: Principal,
  ): Promise<string | null> {
    return reveal(this.audit, user, needs, 'needs.functionalLimits', needs.functionalLimits);
  }

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  supportNeeds(
    @Parent() needs: NeedsModel,
    @CurrentUser() user: Principal,
  ): Promise<string | null> {
    return reveal(this.audit, user, needs, 'needs.supportNeeds', needs.supportNeeds);
  }
}

@Resolver(() => MeetingModel)
export class MeetingSpecialCategoryResolver {
  constructor(private readonly audit: AuditService) {}

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  notes(@Parent() meeting: MeetingModel, @CurrentUser() user: Principal): Promise<string | null> {
    return reveal(this.audit, user, meeting, 'meeting.notes', meeting.notes);
  }

  @ResolveField(() => String, { nullable: true, description: DESCRIPTION })
  decisions(
    @Parent() meeting: MeetingModel,
    @CurrentUser() user: Principal,
  ): Promise<string | null> {
    return reveal(this.audit, user, meeting, 'meeting.decisions', meeting.decisions);
  }
}
