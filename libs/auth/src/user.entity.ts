import { Role } from '@jobbro/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'citext' }) email!: string;
  @Column({ type: 'text', nullable: true, select: false }) passwordHash!: string | null;
  @Column() displayName!: string;
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' }) role!: Role;
  @Column({ type: 'uuid', nullable: true }) jobCentreId!: string | null;
  @Column({ type: 'char', length: 2 }) preferredLanguage!: 'da' | 'en';
  @Column({ type: 'varchar', length: 20, default: 'immediate' })
  notificationMode!: 'immediate' | 'daily_digest';
  @Column({ type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('job_centre')
export class JobCentreEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column({ type: 'smallint' }) municipalityCode!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
