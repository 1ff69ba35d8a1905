import { Injectable, Logger } from '@nestjs/common';
import { MatchingRepository } from '../matching.repository';
import { buildSnapshot, type CandidateSnapshot, updateSnapshot } from './candidate-snapshot';

/**
 * Snapshots kept, by the slots they hold in all (a slot partnered with two job centres counts
 * twice); the least recently used goes first. 400,000 slots are a few hundred MB at most.
 */
const MAX_SLOTS = 400_000;

/**
 * Per job centre, the matchable slots in memory (placements are company data, not citizen data).
 * Every use first reads the job centre's version from PostgreSQL, one indexed row, and rebuilds
 * the snapshot when it has moved (reloading only the companies whose slots changed), so a match
 * never ranks over slots older than the last change committed before it began. Concurrent
 * requests share one rebuild.
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
    for (;;) {
      let build = this.building.get(jobCentreId);
      if (!build) {
        build = this.build(jobCentreId).finally(() => this.building.delete(jobCentreId));
        this.building.set(jobCentreId, build);
      }
      const built = await build;
      if (built.version >= version) return built;
      // That rebuild began before this request saw the version, so it may predate the change:
      // wait for (or start) the next shared one.
    }
  }

  /**
   * The job centre's snapshot at the current version: from the one kept, by reloading only the
   * companies whose slots changed since; from scratch when there is none or it is too old.
   */
  private async build(jobCentreId: string): Promise<CandidateSnapshot> {
    const started = Date.now();
    const kept = this.snapshots.get(jobCentreId);
    const changes = kept ? await this.repo.partnerSlotChanges(jobCentreId, kept.version) : null;
    let snapshot: CandidateSnapshot;
    let how: string;
    if (kept && changes) {
      snapshot = updateSnapshot(kept, changes.version, new Set(changes.companies), changes.rows);
      how = `updated for ${changes.companies.length} companies`;
    } else {
      const { version, rows } = await this.repo.partnerSlots(jobCentreId);
      snapshot = buildSnapshot(version, rows);
      how = 'loaded';
    }
    const { version } = snapshot;
    const previous = this.snapshots.get(jobCentreId);
    if (!previous || previous.version <= version) {
      this.snapshots.delete(jobCentreId);
      this.snapshots.set(jobCentreId, snapshot);
      let slots = 0;
      for (const kept of this.snapshots.values()) slots += kept.placements.length;
      for (const [oldest, kept] of this.snapshots) {
        if (slots <= MAX_SLOTS || oldest === jobCentreId) break;
        this.snapshots.delete(oldest);
        slots -= kept.placements.length;
      }
    }
    this.logger.debug(
      `Candidate snapshot for job centre ${jobCentreId} ${how}: ${snapshot.placements.length} slots at version ${version} in ${Date.now() - started} ms`,
    );
    return snapshot;
  }
}
