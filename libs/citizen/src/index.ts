export * from './citizen.enums';
export * from './citizen.exception';
export * from './citizen.module';
export * from './citizen.service';
export * from './case.service';
export { cprBirthDate, isValidCpr } from './rules/cpr';
export * from './citizen.access';
