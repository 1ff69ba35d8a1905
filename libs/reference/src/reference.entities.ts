import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('postal_code')
export class PostalCodeEntity {
  @PrimaryColumn({ type: 'char', length: 4 }) code!: string;
  @Column() placeName!: string;
  @Column({ type: 'smallint' }) municipalityCode!: number;
  @Column() municipalityName!: string;
  @Column() regionName!: string;
  @Column({ type: 'double precision' }) latitude!: number;
  @Column({ type: 'double precision' }) longitude!: number;
}

@Entity('isco_group')
export class IscoGroupEntity {
  @PrimaryColumn({ type: 'varchar', length: 4 }) code!: string;
  @Column({ type: 'smallint', insert: false, update: false }) level!: number;
  @Column() label!: string;
  @Column() labelDa!: string;
  @Column({ type: 'text' }) description!: string;
}

@Entity('occupation')
export class OccupationEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column() escoUri!: string;
  @Column({ type: 'varchar', length: 4 }) iscoCode!: string;
  @Column() label!: string;
  @Column({ type: 'text', array: true }) altLabels!: string[];
  /** Every Danish label: ESCO's preferred label first, then our everyday words, then ESCO's alternatives. */
  @Column({ type: 'text', array: true }) labelsDa!: string[];
  @Column({ type: 'text' }) description!: string;
}
