export * from './rules/geo';
export * from './rules/hard-filters';
export * from './rules/match-types';
export * from './rules/scoring';
export * from './rules/type-rules';
export * from './matching.module';
export * from './matching.service';
