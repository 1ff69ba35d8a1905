import { Injectable, Logger } from '@nestjs/common';
import { MatchingRepository } from '../matching.repository';
import { buildSnapshot, type CandidateSnapshot } from './candidate-snapshot';

/** Job centres whose snapshots are kept; the least recently used one goes first. */
const MAX_SNAPSHOTS = 32;

/**
 * Per job centre, the matchable slots in memory (placements are company data, not citizen data).
 * Every use first reads the job centre's version from PostgreSQL, one indexed row, and rebuilds
 * the snapshot when it has moved, so a match never ranks over slots older than the last change
 * committed before it began. Concurrent requests share one rebuild.
 */
@Injectable()
export class CandidateIndex {
  private readonly logger = new Logger(CandidateIndex.name);
  private readonly snapshots = new Map<string, CandidateSnapshot>();
  private readonly building = new Map<string, Promise<CandidateSnapshot>>();

  constructor(private readonly repo: MatchingRepository) {}

  async snapshot(jobCentreId: string): Promise<CandidateSnapshot> {
    const version = await this.repo.scopeVersion(jobCentreId);
    const current = this.snapshots.get(jobCentreId);
    if (current && current.version >= version) {
      this.snapshots.delete(jobCentreId);
      this.snapshots.set(jobCentreId, current);
      return current;
    }
    let build = this.building.get(jobCentreId);
    if (!build) {
      build = this.build(jobCentreId).finally(() => this.building.delete(jobCentreId));
      this.building.set(jobCentreId, build);
    }
    const built = await build;
    // A rebuild that began before this request saw the version may predate the change: redo it.
    return built.version >= version ? built : this.build(jobCentreId);
  }

  private async build(jobCentreId: string): Promise<CandidateSnapshot> {
    const started = Date.now();
    const { version, rows } = await this.repo.partnerSlots(jobCentreId);
    const snapshot = buildSnapshot(version, rows);
    const kept = this.snapshots.get(jobCentreId);
    if (!kept || kept.version <= version) {
      this.snapshots.delete(jobCentreId);
      this.snapshots.set(jobCentreId, snapshot);
      while (this.snapshots.size > MAX_SNAPSHOTS)
        this.snapshots.delete(this.snapshots.keys().next().value as string);
    }
    this.logger.debug(
      `Candidate snapshot for job centre ${jobCentreId}: ${rows.length} slots at version ${version} in ${Date.now() - started} ms`,
    );
    return snapshot;
  }
}
