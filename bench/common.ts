import { join } from 'node:path';
import { projectRoot } from '../libs/core/src/project-root';

export const BENCH_DIR = join(projectRoot(), 'bench', '.data');
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54339);
export const BENCH_API_PORT = Number(process.env.BENCH_API_PORT ?? 3901);
export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_CONSULTANT = 'konsulent@0101.bench.jobbro.dk';
export const BENCH_ADMIN = 'admin@0101.bench.jobbro.dk';
export const BENCH_EMPLOYER = 'virksomhed@bench.jobbro.dk';
