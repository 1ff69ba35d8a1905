export * from './company.enums';
export * from './company.exception';
export * from './company.module';
export * from './company.service';
export * from './placement.service';
export * from './placement-visibility';
export * from './models/company.models';
export { isValidCvr } from './rules/cvr';
