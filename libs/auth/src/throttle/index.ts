export * from './api-rate-limit.middleware';
export * from './attempt-limiter';
export type { AttemptPolicy } from './attempt-policy';
export * from './client-ip';
export * from './pg-throttler.storage';
export * from './rate-limit.repository';
export * from './rate-limit-keys';
export * from './sign-in.limiter';
export * from './throttle.module';
