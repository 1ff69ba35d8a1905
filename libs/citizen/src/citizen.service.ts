import { AuditService } from '@jobbro/auth';
import {
  AppConfig,
  forbidden,
  isStaff,
  type Language,
  type Page,
  type Principal,
  Role,
  todayInDenmark,
  toPage,
} from '@jobbro/core';
import {
  longDate,
  ReferenceService,
  TargetGroupCatalogue,
  targetGroupInForce,
  validityPeriod,
} from '@jobbro/reference';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CitizenAccess } from './citizen.access';
import { AssignmentRole, type ContactPreference } from './citizen.enums';
import { CitizenException } from './citizen.exception';
import { CitizenRepository } from './citizen.repository';
import type { CitizenRow } from './citizen.types';
import { citizenView, summaryOf } from './citizen.view';
import type {
  CitizenFilter,
  CreateCitizenInput,
  SetTargetGroupInput,
  TeamMemberInput,
  UpdateCitizenInput,
} from './dto/citizen.inputs';
import type {
  AccessLogEntryModel,
  CitizenModel,
  CitizenSummaryModel,
} from './models/citizen.models';
import { cprBirthDate, encryptCpr, normalizeCpr } from './rules/cpr';
import { nextTargetGroupStep } from './rules/target-group-periods';
import { WorkProfileRepository } from './work-profile/work-profile.repository';

const TEAM_OPERATIONS = new Set(['addTeamMember', 'removeTeamMember']);
/** The reason recorded when whoever registers a citizen joins their team. */
const CREATOR_REASON = 'Oprettede borgeren og blev en del af teamet';

const CREATOR_ROLE: Partial<Record<Role, AssignmentRole>> = {
  [Role.JobConsultant]: AssignmentRole.Consultant,
  [Role.Caseworker]: AssignmentRole.Caseworker,
};

/** Citizens' profiles, teams, target groups, lists and the citizen's own view. */
@Injectable()
export class CitizenService {
  constructor(
    private readonly repo: CitizenRepository,
    private readonly access: CitizenAccess,
    private readonly audit: AuditService,
    private readonly reference: ReferenceService,
    private readonly config: AppConfig,
    private readonly targetGroups: TargetGroupCatalogue,
    private readonly workProfile: WorkProfileRepository,
  ) {}

  async createCitizen(
    principal: Principal,
    input: CreateCitizenInput,
    language: Language,
  ): Promise<CitizenModel> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const jobCentreId = principal.jobCentreId;
    const place = await this.requirePostalCode(input.postalCode);
    const cpr = input.cpr ? this.protectCpr(input.cpr) : { cprEncrypted: null, birthDate: null };
    const today = todayInDenmark();
    if (input.targetGroup) await this.requireTargetGroup(input.targetGroup, today);
    const id = await this.repo.transaction(async (m) => {
      const citizenId = await this.repo.insertCitizen(m, {
        jobCentreId,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        email: input.email?.trim().toLowerCase() ?? null,
        phone: input.phone?.trim() ?? null,
        ...place,
        ...cpr,
        createdBy: principal.userId,
      });
      const creatorRole = CREATOR_ROLE[principal.role];
      if (creatorRole) {
        // Joining the team opens the special-category data: the citizen sees this change too.
        await this.repo.assign(m, citizenId, principal.userId, creatorRole);
        await this.repo.insertTeamChange(m, {
          citizenId,
          memberUserId: principal.userId,
          role: creatorRole,
          kind: 'added',
          reason: CREATOR_REASON,
          changedBy: principal.userId,
          changedByRole: principal.role,
        });
      }
      if (input.targetGroup) {
        await this.repo.insertTargetGroupPeriod(m, citizenId, input.targetGroup, today);
      }
      return citizenId;
    });
    await this.audit.record({
      principal,
      citizenIds: [id],
      action: 'create',
      operation: 'createCitizen',
      allowed: true,
    });
    const citizen = await this.requireCitizen(id);
    return citizenView(this.repo, citizen, await this.access.decide(principal, citizen), language);
  }

  async updateCitizen(
    principal: Principal,
    input: UpdateCitizenInput,
    language: Language,
  ): Promise<CitizenModel> {
    const existing = await this.requireCitizen(input.id);
    const decision = await this.access.check(principal, existing, 'updateCitizen', 'write');
    const place = input.postalCode ? await this.requirePostalCode(input.postalCode) : {};
    const cpr = input.cpr ? this.protectCpr(input.cpr) : {};
    await this.repo.transaction(async (m) => {
      const current = await this.repo.lockCitizen(m, input.id);
      if (!current) throw new CitizenException('CITIZEN_NOT_FOUND');
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        throw new CitizenException('CITIZEN_VERSION_CONFLICT');
      }
      await this.repo.updateCitizen(m, input.id, {
        firstName: input.firstName?.trim(),
        lastName: input.lastName?.trim(),
        email: input.email === undefined ? undefined : (input.email?.trim().toLowerCase() ?? null),
        phone: input.phone === undefined ? undefined : (input.phone?.trim() ?? null),
        status: input.status,
        contactPreference: input.contactPreference,
        ...place,
        ...cpr,
      });
    });
    return citizenView(this.repo, await this.requireCitizen(input.id), decision, language);
  }

  async setTargetGroup(
    principal: Principal,
    input: SetTargetGroupInput,
    language: Language,
  ): Promise<CitizenModel> {
    const citizen = await this.requireCitizen(input.citizenId);
    const decision = await this.access.check(principal, citizen, 'setTargetGroup', 'write');
    await this.requireTargetGroup(input.targetGroup, input.validFrom);
    await this.repo.transaction(async (m) => {
      // One writer at a time per citizen, so two changes cannot both see the same latest period.
      await this.repo.lockCitizen(m, citizen.id);
      const latest = await this.repo.latestTargetGroupPeriod(m, citizen.id);
      const step = nextTargetGroupStep(latest, input.validFrom);
      switch (step.kind) {
        case 'beforeCurrent':
          throw new CitizenException(
            'TARGET_GROUP_BEFORE_CURRENT',
            {
              currentFromDa: longDate(step.currentFrom).da,
              currentFromEn: longDate(step.currentFrom).en,
            },
            [
              {
                field: 'validFrom',
                constraint: 'afterCurrent',
                message: {
                  da: `Skal være ${longDate(step.currentFrom).da} eller senere.`,
                  en: `Must be ${longDate(step.currentFrom).en} or later.`,
                },
              },
            ],
          );
        case 'replace':
          await this.repo.replaceTargetGroup(m, step.periodId, input.targetGroup);
          return;
        case 'follow':
          await this.repo.endTargetGroupPeriod(m, step.periodId, step.endPreviousOn);
          await this.repo.insertTargetGroupPeriod(
            m,
            citizen.id,
            input.targetGroup,
            input.validFrom,
          );
          return;
        case 'start':
          await this.repo.insertTargetGroupPeriod(
            m,
            citizen.id,
            input.targetGroup,
            input.validFrom,
          );
          return;
      }
    });
    return citizenView(this.repo, citizen, decision, language);
  }

  async addTeamMember(
    principal: Principal,
    input: TeamMemberInput,
    language: Language,
  ): Promise<CitizenModel> {
    const citizen = await this.requireCitizen(input.citizenId);
    await this.access.checkTeamChange(principal, citizen, input.userId, 'add');
    if (!(await this.repo.findStaffUser(input.userId, citizen.jobCentreId))) {
      throw new CitizenException('TEAM_MEMBER_NOT_STAFF');
    }
    await this.repo.transaction(async (m) => {
      if (await this.repo.assign(m, citizen.id, input.userId, input.role)) {
        await this.recordTeamChange(m, principal, input, 'added');
      }
    });
    return citizenView(this.repo, citizen, await this.access.decide(principal, citizen), language);
  }

  async removeTeamMember(
    principal: Principal,
    input: TeamMemberInput,
    language: Language,
  ): Promise<CitizenModel> {
    const citizen = await this.requireCitizen(input.citizenId);
    await this.access.checkTeamChange(principal, citizen, input.userId, 'remove');
    await this.repo.transaction(async (m) => {
      // Someone who is not on the team (or no one at all) answers alike: nothing to remove.
      if (!(await this.repo.unassign(m, citizen.id, input.userId, input.role))) {
        throw new CitizenException('TEAM_MEMBER_NOT_ON_TEAM');
      }
      await this.recordTeamChange(m, principal, input, 'removed');
    });
    return citizenView(this.repo, citizen, await this.access.decide(principal, citizen), language);
  }

  private recordTeamChange(
    m: EntityManager,
    principal: Principal,
    input: TeamMemberInput,
    kind: 'added' | 'removed',
  ): Promise<void> {
    return this.repo.insertTeamChange(m, {
      citizenId: input.citizenId,
      memberUserId: input.userId,
      role: input.role,
      kind,
      reason: input.reason.trim(),
      changedBy: principal.userId,
      changedByRole: principal.role,
    });
  }

  async citizen(principal: Principal, id: string, language: Language): Promise<CitizenModel> {
    const citizen = await this.requireCitizen(id);
    const decision = await this.access.check(principal, citizen, 'citizen', 'read');
    return citizenView(this.repo, citizen, decision, language);
  }

  /** Staff: citizens of their job centre. Every citizen on the page gets an audit row. */
  async citizens(
    principal: Principal,
    filter: CitizenFilter | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<CitizenSummaryModel>> {
    if (!isStaff(principal.role) || !principal.jobCentreId) throw forbidden();
    const { rows, totalCount } = await this.repo.page(
      principal.jobCentreId,
      principal.userId,
      { ...filter, today: todayInDenmark() },
      first,
      after,
    );
    const page = toPage(rows.map(summaryOf), first, totalCount, (c) => c.createdAt);
    await this.audit.record({
      principal,
      citizenIds: page.edges.map((e) => e.node.id),
      action: 'read',
      operation: 'citizens',
      allowed: true,
    });
    return page;
  }

  /** Company users: citizens who agreed to share something with their company. */
  async sharedCitizens(principal: Principal): Promise<CitizenSummaryModel[]> {
    const companyIds = await this.repo.companyIdsOfUser(principal.userId);
    const ids = companyIds.length ? await this.repo.consentedCitizenIds(companyIds) : [];
    const rows = ids.length ? await this.repo.findCitizensByIds(ids) : [];
    await this.audit.record({
      principal,
      citizenIds: ids,
      action: 'read',
      operation: 'sharedCitizens',
      allowed: true,
    });
    return rows.map(summaryOf);
  }

  async myProfile(principal: Principal, language: Language): Promise<CitizenModel> {
    const citizen = await this.myCitizen(principal);
    const decision = await this.access.check(principal, citizen, 'myProfile', 'read');
    return citizenView(this.repo, citizen, decision, language);
  }

  /** The citizen decides whether Jobbro may e-mail them (invitations to meetings, reminders). */
  async setMyContactPreference(
    principal: Principal,
    preference: ContactPreference,
    language: Language,
  ): Promise<CitizenModel> {
    const citizen = await this.myCitizen(principal);
    const decision = await this.access.check(
      principal,
      citizen,
      'setMyContactPreference',
      'read',
      'update',
    );
    await this.repo.transaction((m) =>
      this.repo.updateCitizen(m, citizen.id, { contactPreference: preference }),
    );
    return citizenView(this.repo, await this.requireCitizen(citizen.id), decision, language);
  }

  /**
   * The audit trail merged with the team changes, newest first. An allowed team change shows as
   * its team-change entry (who changed whom, why); its audit row would only repeat it.
   */
  async myAccessLog(principal: Principal, first: number): Promise<AccessLogEntryModel[]> {
    const citizen = await this.myCitizen(principal);
    const rows = await this.accessLogOf(citizen.id, first);
    await this.audit.record({
      principal,
      citizenIds: [citizen.id],
      action: 'read',
      operation: 'myAccessLog',
      allowed: true,
    });
    return rows;
  }

  /** Administrator: everything held about a citizen and who looked at it, as one JSON document. */
  async exportCitizenData(principal: Principal, id: string, language: Language): Promise<string> {
    const citizen = await this.requireCitizen(id);
    const seen = await this.access.decide(principal, citizen);
    await this.access.enforce(
      principal,
      citizen,
      seen,
      principal.role === Role.Administrator && seen.write,
      'exportCitizenData',
      'read',
    );
    const decision = {
      ...seen,
      write: false,
      specialCategory: true,
    };
    const data = await citizenView(this.repo, citizen, decision, language);
    const accessLog = await this.accessLogOf(id, 100000);
    const [qualifications, availability, employments] = await Promise.all([
      this.workProfile.qualifications(id),
      this.workProfile.availability(id),
      this.workProfile.employments(id),
    ]);
    await this.audit.record({
      principal,
      citizenIds: [id],
      action: 'export',
      operation: 'exportCitizenData',
      allowed: true,
    });
    return JSON.stringify(
      {
        exportedAt: new Date().toISOString(),
        citizen: data,
        workProfile: { qualifications, availability, employments },
        accessLog,
      },
      null,
      2,
    );
  }

  private async accessLogOf(citizenId: string, first: number): Promise<AccessLogEntryModel[]> {
    const [audit, changes] = await Promise.all([
      this.audit.accessLog(citizenId, first * 2),
      this.repo.teamChanges(citizenId, first),
    ]);
    const entries: AccessLogEntryModel[] = [
      ...audit
        .filter((a) => !(a.allowed && TEAM_OPERATIONS.has(a.operation)))
        .map((a) => ({ ...a, teamMember: null, teamRole: null, reason: null })),
      ...changes.map((c) => ({
        occurredAt: c.occurredAt,
        action: 'update',
        operation: c.kind === 'added' ? 'addTeamMember' : 'removeTeamMember',
        userRole: c.changedByRole,
        userName: c.changedByName,
        allowed: true,
        teamMember: c.memberName,
        teamRole: c.role,
        reason: c.reason,
      })),
    ];
    return entries
      .sort((a, b) => new Date(b.occurredAt).getTime() - new Date(a.occurredAt).getTime())
      .slice(0, first);
  }

  async myCitizen(principal: Principal): Promise<CitizenRow> {
    const citizen = await this.repo.findCitizenByUser(principal.userId);
    if (!citizen) throw new CitizenException('NOT_A_CITIZEN');
    return citizen;
  }

  async requireCitizen(id: string): Promise<CitizenRow> {
    const citizen = await this.repo.findCitizen(id);
    if (!citizen) throw new CitizenException('CITIZEN_NOT_FOUND');
    return citizen;
  }

  private async requirePostalCode(
    code: string,
  ): Promise<Pick<CitizenRow, 'postalCode' | 'municipalityCode' | 'latitude' | 'longitude'>> {
    const place = await this.reference.postalCode(code);
    if (!place) {
      throw new CitizenException('UNKNOWN_POSTAL_CODE', {}, [
        {
          field: 'postalCode',
          constraint: 'exists',
          message: { da: 'Ukendt postnummer.', en: 'Unknown postal code.' },
        },
      ]);
    }
    return {
      postalCode: place.code,
      municipalityCode: place.municipalityCode,
      latitude: place.latitude,
      longitude: place.longitude,
    };
  }

  /** Unknown and not in force are different mistakes, and each message says which. */
  private async requireTargetGroup(code: string, on: string): Promise<void> {
    const group = await this.targetGroups.find(code);
    if (!group) {
      throw new CitizenException('UNKNOWN_TARGET_GROUP', {}, [
        {
          field: 'targetGroup',
          constraint: 'exists',
          message: { da: 'Målgruppen findes ikke.', en: 'The target group does not exist.' },
        },
      ]);
    }
    if (!targetGroupInForce(group, on)) {
      const date = longDate(on);
      const period = validityPeriod(group);
      const params = {
        labelDa: group.label.da,
        labelEn: group.label.en,
        onDa: date.da,
        onEn: date.en,
        periodDa: period.da,
        periodEn: period.en,
      };
      // The field's message is the error's own sentence: it already names the field's value.
      const error = new CitizenException('TARGET_GROUP_NOT_IN_FORCE', params);
      throw new CitizenException('TARGET_GROUP_NOT_IN_FORCE', params, [
        {
          field: 'targetGroup',
          constraint: 'inForce',
          message: { da: error.localizedMessage('da'), en: error.localizedMessage('en') },
        },
      ]);
    }
  }

  private protectCpr(input: string): { cprEncrypted: string; birthDate: string } {
    const cpr = normalizeCpr(input);
    const birthDate = cprBirthDate(cpr);
    if (!birthDate) {
      throw new CitizenException('INVALID_CPR', {}, [
        {
          field: 'cpr',
          constraint: 'cpr',
          message: { da: 'Ugyldigt CPR-nummer.', en: 'Invalid CPR number.' },
        },
      ]);
    }
    return { cprEncrypted: encryptCpr(cpr, this.config.cprEncryptionKey), birthDate };
  }
}
