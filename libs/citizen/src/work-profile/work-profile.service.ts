import { type Principal, todayInDenmark } from '@jobbro/core';
import { CompanyService } from '@jobbro/company';
import { type WorkingTimes, workingTimesOf } from '@jobbro/reference';
import { Injectable } from '@nestjs/common';
import { CitizenAccess } from '../citizen.access';
import { CitizenException } from '../citizen.exception';
import { CitizenService } from '../citizen.service';
import {
  availabilityProblems,
  employmentProblems,
  qualificationProblems,
} from '../rules/work-profile-rules';
import type {
  RecordEmploymentInput,
  RecordQualificationInput,
  RemoveQualificationInput,
  SetAvailabilityInput,
} from './work-profile.inputs';
import {
  type EmploymentRow,
  type QualificationRow,
  WorkProfileRepository,
} from './work-profile.repository';

/**
 * What a citizen can work with beyond the goal: qualifications (confirmed by a professional),
 * availability (by a professional or the citizen themself) and recent employers. Access as for
 * every other part of the case (CitizenAccess): staff of the citizen's job centre write, the
 * citizen sets their own availability, anyone else is told the citizen does not exist; each
 * decision is audited.
 */
@Injectable()
export class WorkProfileService {
  constructor(
    private readonly repo: WorkProfileRepository,
    private readonly profiles: CitizenService,
    private readonly access: CitizenAccess,
    private readonly companies: CompanyService,
  ) {}

  async recordQualification(
    principal: Principal,
    input: RecordQualificationInput,
  ): Promise<QualificationRow> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'recordQualification', 'write', 'create');
    const confirmedOn = input.confirmedOn ?? todayInDenmark();
    const problems = qualificationProblems(confirmedOn, todayInDenmark());
    if (problems.length) throw new CitizenException('WORK_PROFILE_INVALID', {}, problems);
    await this.repo.upsertQualification(
      citizen.id,
      { qualification: input.qualification, confirmedOn, note: input.note?.trim() || null },
      principal.userId,
    );
    const rows = await this.repo.qualifications(citizen.id);
    return rows.find((q) => q.qualification === input.qualification) as QualificationRow;
  }

  /** True when the qualification was recorded and is now removed. */
  async removeQualification(
    principal: Principal,
    input: RemoveQualificationInput,
  ): Promise<boolean> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'removeQualification', 'write', 'update');
    return this.repo.deleteQualification(citizen.id, input.qualification);
  }

  /** The consultant (staff of the job centre) or the citizen themself. */
  async setAvailability(
    principal: Principal,
    input: SetAvailabilityInput,
  ): Promise<WorkingTimes | null> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    const decision = await this.access.decide(principal, citizen);
    await this.access.enforce(
      principal,
      citizen,
      decision,
      decision.write || decision.self,
      'setAvailability',
      'update',
    );
    const times = workingTimesOf(input.availability);
    const problems = availabilityProblems(times).map((p) => ({
      ...p,
      field: `availability.${p.field}`,
    }));
    if (problems.length) throw new CitizenException('WORK_PROFILE_INVALID', {}, problems);
    await this.repo.setAvailability(citizen.id, times);
    return this.repo.availability(citizen.id);
  }

  async recordEmployment(
    principal: Principal,
    input: RecordEmploymentInput,
  ): Promise<EmploymentRow> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'recordEmployment', 'write', 'create');
    const employment = {
      companyId: input.companyId ?? null,
      employerName: input.employerName?.trim() || null,
      cvr: input.cvr ?? null,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
    };
    // A company the caller may not see answers as one that does not exist (before any rule).
    if (employment.companyId)
      await this.companies.requireReadableCompany(principal, employment.companyId);
    const problems = employmentProblems(employment, todayInDenmark());
    if (problems.length) throw new CitizenException('WORK_PROFILE_INVALID', {}, problems);
    const id = await this.repo.insertEmployment(citizen.id, employment, principal.userId);
    const rows = await this.repo.employments(citizen.id);
    return rows.find((e) => e.id === id) as EmploymentRow;
  }

  qualifications(citizenId: string): Promise<QualificationRow[]> {
    return this.repo.qualifications(citizenId);
  }

  employments(citizenId: string): Promise<EmploymentRow[]> {
    return this.repo.employments(citizenId);
  }

  availability(citizenId: string): Promise<WorkingTimes | null> {
    return this.repo.availability(citizenId);
  }
}
