export * from './api';
export * from './builders';
export * from './database';
export * from './graphql';
export * from './test-app';
export * from './pdf';
export * from './random';
export * from './smtp';
