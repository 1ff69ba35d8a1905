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
  confirmedOnProblems,
} from '../rules/work-profile-rules';
import type {
  RecordEmploymentInput,
  RecordNoEmploymentInput,
  RecordQualificationInput,
  RemoveEmploymentInput,
  RemoveNoEmploymentInput,
  RemoveQualificationInput,
  SetAvailabilityInput,
  UpdateEmploymentInput,
} from './work-profile.inputs';
import {
  type EmploymentFields,
  type EmploymentRow,
  type NoEmploymentRow,
  type QualificationRow,
  WorkProfileRepository,
} from './work-profile.repository';

const employmentNotFound = () => new CitizenException('EMPLOYMENT_NOT_FOUND');

/** The date a professional confirmed something: as given (never in the future), else today. */
function confirmedOnOrToday(given: string | null | undefined): string {
  const today = todayInDenmark();
  const problems = confirmedOnProblems(given ?? today, today);
  if (problems.length) throw new CitizenException('WORK_PROFILE_INVALID', {}, problems);
  return given ?? today;
}

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
    const confirmedOn = confirmedOnOrToday(input.confirmedOn);
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

  /** Records a job; a "no employment" mark goes (the trigger clears it in the same statement). */
  async recordEmployment(
    principal: Principal,
    input: RecordEmploymentInput,
  ): Promise<EmploymentRow> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'recordEmployment', 'write', 'create');
    const employment = await this.employmentFields(principal, input);
    const id = await this.repo.transaction(async (m) => {
      await this.repo.lockEmploymentHistory(m, citizen.id);
      return this.repo.insertEmployment(m, citizen.id, employment, principal.userId);
    });
    return this.employment(citizen.id, id);
  }

  /** Corrects a job as recorded (every field as it should now read). */
  async updateEmployment(
    principal: Principal,
    input: UpdateEmploymentInput,
  ): Promise<EmploymentRow> {
    const citizenId = await this.employmentOf(principal, input.id, 'updateEmployment');
    const employment = await this.employmentFields(principal, input);
    if (!(await this.repo.updateEmployment(input.id, employment, principal.userId)))
      throw employmentNotFound();
    return this.employment(citizenId, input.id);
  }

  /** Removes a job recorded by mistake; one already gone is not found (as an unknown id is). */
  async removeEmployment(principal: Principal, input: RemoveEmploymentInput): Promise<boolean> {
    await this.employmentOf(principal, input.id, 'removeEmployment');
    if (!(await this.repo.deleteEmployment(input.id))) throw employmentNotFound();
    return true;
  }

  /**
   * Records that the citizen has had no employment (so the not-the-last-employer rule is decided);
   * refused while an employment is recorded: remove or correct that first.
   */
  async recordNoEmployment(
    principal: Principal,
    input: RecordNoEmploymentInput,
  ): Promise<NoEmploymentRow> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'recordNoEmployment', 'write', 'update');
    const confirmedOn = confirmedOnOrToday(input.confirmedOn);
    const marked = await this.repo.transaction(async (m) => {
      await this.repo.lockEmploymentHistory(m, citizen.id);
      return this.repo.markNoEmployment(m, citizen.id, confirmedOn, principal.userId);
    });
    if (!marked)
      throw new CitizenException('WORK_PROFILE_INVALID', {}, [
        {
          field: 'citizenId',
          constraint: 'employmentRecorded',
          message: {
            da: 'Der er registreret ansættelser hos borgeren. Ret eller fjern dem først.',
            en: 'Employments are recorded for the citizen. Correct or remove them first.',
          },
        },
      ]);
    return (await this.repo.noEmployment(citizen.id)) as NoEmploymentRow;
  }

  /** Takes the "no employment" mark back; false when it was not set. */
  async removeNoEmployment(principal: Principal, input: RemoveNoEmploymentInput): Promise<boolean> {
    const citizen = await this.profiles.requireCitizen(input.citizenId);
    await this.access.check(principal, citizen, 'removeNoEmployment', 'write', 'update');
    return this.repo.unmarkNoEmployment(citizen.id);
  }

  noEmployment(citizenId: string): Promise<NoEmploymentRow | null> {
    return this.repo.noEmployment(citizenId);
  }

  /**
   * The citizen whose employment it is, once the caller may change it; an employment of a citizen
   * the caller may not know is answered as an unknown id is (audited as every decision).
   */
  private async employmentOf(principal: Principal, id: string, operation: string): Promise<string> {
    const citizenId = await this.repo.employmentCitizen(id);
    if (!citizenId) throw employmentNotFound();
    const citizen = await this.profiles.requireCitizen(citizenId);
    await this.access.check(principal, citizen, operation, 'write', 'update', employmentNotFound);
    return citizen.id;
  }

  /** The fields checked: a company the caller may not see answers as one that does not exist. */
  private async employmentFields(
    principal: Principal,
    input: RecordEmploymentInput | UpdateEmploymentInput,
  ): Promise<EmploymentFields> {
    const employment = {
      companyId: input.companyId ?? null,
      employerName: input.employerName?.trim() || null,
      cvr: input.cvr ?? null,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
    };
    if (employment.companyId)
      await this.companies.requireReadableCompany(principal, employment.companyId);
    const problems = employmentProblems(employment, todayInDenmark());
    if (problems.length) throw new CitizenException('WORK_PROFILE_INVALID', {}, problems);
    return employment;
  }

  private async employment(citizenId: string, id: string): Promise<EmploymentRow> {
    const rows = await this.repo.employments(citizenId);
    const row = rows.find((e) => e.id === id);
    if (!row) throw employmentNotFound();
    return row;
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
