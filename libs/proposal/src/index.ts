export * from './proposal.enums';
export * from './proposal.exception';
export * from './proposal.module';
export { ProposalService } from './proposal.service';
export { heldSeatsSql } from './held-seats';
