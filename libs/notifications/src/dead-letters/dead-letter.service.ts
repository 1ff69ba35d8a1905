import { AppConfig, loggableError, type Principal } from '@jobbro/core';
import { Injectable, Logger } from '@nestjs/common';
import type { MailRequest } from '../mail';
import { MailException } from '../mail.exception';
import { unseal } from '../sealed';
import type { DeadLetterMessageModel } from './dead-letter.models';
import { DeadLetterRepository, type DeadLetterRow } from './dead-letter.repository';

/** Dead letters for administrators: list them, and put one back in the queue. */
@Injectable()
export class DeadLetterService {
  private readonly logger = new Logger(DeadLetterService.name);

  constructor(
    private readonly repository: DeadLetterRepository,
    private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, first: number): Promise<DeadLetterMessageModel[]> {
    const rows = await this.repository.list(this.jobCentreOf(principal), first);
    return rows.map((row) => this.toModel(row));
  }

  async resend(principal: Principal, messageId: string): Promise<DeadLetterMessageModel> {
    const row = await this.repository.requeue(this.jobCentreOf(principal), messageId);
    if (!row) throw new MailException('MESSAGE_NOT_FOUND');
    this.logger.log(`Dead letter ${messageId} (${row.kind}) queued again by ${principal.userId}`);
    return this.toModel(row);
  }

  private jobCentreOf(principal: Principal): string {
    if (!principal.jobCentreId) throw new MailException('ADMINISTRATOR_WITHOUT_JOB_CENTRE');
    return principal.jobCentreId;
  }

  /**
   * Only the address is taken from the sealed request: never its text, links or tokens. A
   * message of no job centre is listed to every administrator, so its address is masked.
   */
  private toModel(row: DeadLetterRow): DeadLetterMessageModel {
    let recipient = '(unreadable)';
    try {
      const to = unseal<MailRequest>(this.config.cprEncryptionKey, row.sealed).to;
      recipient = row.jobCentreId === null ? maskAddress(to) : to;
    } catch (e) {
      // Sealed under another key (CPR_ENCRYPTION_KEY changed): the message cannot be sent either.
      this.logger.warn(`Dead letter ${row.id} cannot be unsealed: ${loggableError(e).summary}`);
    }
    return {
      id: row.id,
      kind: row.kind,
      recipient,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      failedAt: row.failedAt,
      resentCount: row.resentCount,
    };
  }
}

/**
 * `k•••@kokkenet.dk`: the first character and the domain, enough to tell an employer's domain
 * and a typo in it, not whose address it is.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${Array.from(address)[0]}•••${address.slice(at)}`;
}
