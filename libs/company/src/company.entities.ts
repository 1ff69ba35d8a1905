import { Accommodation, PlacementRequirement, Weekday } from '@jobbro/reference';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  type CompanySector,
  PartnershipStatus,
  PlacementStatus,
  PlacementType,
} from './company.enums';
import type { PartySide } from './rules/partnership-rules';

/** A time column as "HH:MM" (PostgreSQL answers "HH:MM:SS"). */
const timeOfDay = {
  to: (v: string | null): string | null => v,
  from: (v: string | null): string | null => (v === null ? null : v.slice(0, 5)),
};

const numeric = {
  to: (v: number | null): number | null => v,
  from: (v: string | null): number | null => (v === null ? null : Number(v)),
};

@Entity('company')
export class CompanyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'char', length: 8 }) cvr!: string;
  @Column() name!: string;
  @Column({ type: 'varchar', nullable: true }) industry!: string | null;
  @Column({ type: 'numeric', precision: 7, scale: 1, transformer: numeric })
  ordinaryEmployees!: number;
  @Column({ type: 'text', nullable: true }) sector!: CompanySector | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('site')
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) companyId!: string;
  @Column() name!: string;
  @Column() streetAddress!: string;
  @Column({ type: 'char', length: 4 }) postalCode!: string;
  @Column({ type: 'smallint' }) municipalityCode!: number;
  @Column({ type: 'double precision' }) latitude!: number;
  @Column({ type: 'double precision' }) longitude!: number;
  @Column({ type: 'char', length: 10, nullable: true }) pNumber!: string | null;
  /** Removed sites stay as the history of the slots that used them; no new slot may use them. */
  @Column({ type: 'timestamptz', nullable: true }) removedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) removedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('mentor')
export class MentorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) companyId!: string;
  @Column({ type: 'uuid', nullable: true }) siteId!: string | null;
  @Column() name!: string;
  @Column({ type: 'citext' }) email!: string;
  @Column({ type: 'varchar', nullable: true }) phone!: string | null;
  @Column({ type: 'smallint' }) capacity!: number;
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  /** A deactivated mentor is offered for no new slot and gives its login no access. */
  @Column({ type: 'timestamptz', nullable: true }) deactivatedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) deactivatedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('partnership')
export class PartnershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) companyId!: string;
  @Column({ type: 'uuid' }) jobCentreId!: string;
  @Column({ type: 'enum', enum: PartnershipStatus, enumName: 'partnership_status' })
  status!: PartnershipStatus;
  @Column({ type: 'date' }) startsOn!: string;
  @Column({ type: 'date', nullable: true }) endsOn!: string | null;
  @Column({ type: 'smallint', nullable: true }) slotsPerYear!: number | null;
  @Column({ type: 'enum', enum: PlacementType, enumName: 'placement_type', array: true })
  placementTypes!: PlacementType[];
  @Column({ type: 'varchar', nullable: true }) notes!: string | null;
  @Column({ type: 'uuid', nullable: true }) proposedBy!: string | null;
  @Column({ type: 'varchar' }) proposedBySide!: PartySide;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('placement')
export class PlacementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) companyId!: string;
  @Column({ type: 'uuid', nullable: true }) siteId!: string | null;
  @Column({ type: 'uuid', nullable: true }) mentorId!: string | null;
  @Column({ type: 'enum', enum: PlacementType, enumName: 'placement_type' }) type!: PlacementType;
  @Column() title!: string;
  @Column({ type: 'uuid' }) occupationId!: string;
  @Column({ type: 'varchar', length: 4 }) iscoCode!: string;
  @Column() description!: string;
  @Column({ type: 'text', array: true }) tasks!: string[];
  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numeric })
  weeklyHoursMin!: number;
  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numeric })
  weeklyHoursMax!: number;
  @Column({ type: 'varchar', nullable: true }) scheduleNotes!: string | null;
  @Column({ type: 'enum', enum: Weekday, enumName: 'weekday', array: true, nullable: true })
  workDays!: Weekday[] | null;
  @Column({ type: 'time', nullable: true, transformer: timeOfDay }) workFrom!: string | null;
  @Column({ type: 'time', nullable: true, transformer: timeOfDay }) workUntil!: string | null;
  @Column({ type: 'date' }) startEarliest!: string;
  @Column({ type: 'date', nullable: true }) startLatest!: string | null;
  @Column({ type: 'smallint' }) durationWeeks!: number;
  @Column({ type: 'smallint' }) capacity!: number;
  @Column({ type: 'enum', enum: Accommodation, enumName: 'accommodation', array: true })
  accommodations!: Accommodation[];
  @Column({ type: 'varchar', nullable: true }) accommodationNotes!: string | null;
  @Column({
    type: 'enum',
    enum: PlacementRequirement,
    enumName: 'placement_requirement',
    array: true,
  })
  requirements!: PlacementRequirement[];
  @Column({ type: 'varchar', nullable: true }) requirementNotes!: string | null;
  @Column() ordinaryHoursPossible!: boolean;
  @Column({ type: 'smallint', nullable: true }) ordinaryHoursAfterWeeks!: number | null;
  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numeric })
  ordinaryHoursPerWeek!: number | null;
  @Column({ type: 'enum', enum: PlacementStatus, enumName: 'placement_status' })
  status!: PlacementStatus;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  /** The job centre a partner consultant acted for when creating the slot for the company. */
  @Column({ type: 'uuid', nullable: true }) createdByJobCentreId!: string | null;
  @Column({ type: 'uuid', nullable: true }) changedBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) changedByJobCentreId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
