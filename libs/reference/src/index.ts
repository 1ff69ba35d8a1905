export * from './catalogues';
export * from './reference.models';
export * from './reference.module';
export * from './reference.service';
export * from './target-groups';
export type { OccupationEntity, PostalCodeEntity } from './reference.entities';
export * from './working-times';
