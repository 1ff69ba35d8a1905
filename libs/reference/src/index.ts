export * from './catalogues';
export * from './reference.models';
export * from './reference.module';
export * from './reference.service';
export type { OccupationEntity, PostalCodeEntity } from './reference.entities';
