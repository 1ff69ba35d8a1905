export * from './audit.service';
export * from './auth.exception';
export * from './auth.module';
export * from './auth.service';
export * from './models/user.model';
export { hashPassword } from './password';
export * from './throttle';
