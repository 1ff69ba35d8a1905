export * from './audit.service';
export * from './auth.exception';
export * from './auth.module';
export * from './auth.service';
export * from './invitations';
export * from './models/user.model';
export { hashPassword } from './password';
export * from './people/user-directory';
export * from './throttle';
