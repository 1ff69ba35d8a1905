import { graphql } from '@/gql';

export const StaffUsersDocument = graphql(`
  query StaffUsers($filter: UserFilterInput, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          displayName
          email
          role
          createdAt
          disabledAt
        }
      }
    }
  }
`);

export const InviteStaffDocument = graphql(`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      id
      email
      status
    }
  }
`);

export const ChangeUserRoleDocument = graphql(`
  mutation ChangeUserRole($id: ID!, $role: Role!) {
    changeUserRole(id: $id, role: $role) {
      id
      role
    }
  }
`);

export const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      disabledAt
    }
  }
`);

export const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      disabledAt
    }
  }
`);

export const AdminInvitationsDocument = graphql(`
  query AdminInvitations($status: InvitationStatus, $first: Int, $after: String) {
    invitations(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          email
          displayName
          role
          status
          createdAt
          expiresAt
          invitedBy {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation AdminRevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      status
    }
  }
`);

export const ResendInvitationDocument = graphql(`
  mutation AdminResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      status
      expiresAt
    }
  }
`);

export const AdminPartnershipsDocument = graphql(`
  query AdminPartnerships {
    jobCentrePartnerships {
      id
      status
      startsOn
      endsOn
      proposedBySide
      notes
      slotsPerYear
      placementTypes
      company {
        id
        name
        cvr
      }
    }
    placementTypeCatalogue {
      code
      label
    }
  }
`);

export const ChangePartnershipStatusDocument = graphql(`
  mutation AdminChangePartnershipStatus($input: ChangePartnershipStatusInput!) {
    changePartnershipStatus(input: $input) {
      id
      status
      endsOn
    }
  }
`);

export const DeadLettersDocument = graphql(`
  query DeadLetters($first: Int!) {
    deadLetterMessages(first: $first) {
      id
      kind
      recipient
      attempts
      lastError
      createdAt
      failedAt
      resentCount
    }
  }
`);

export const ResendMessageDocument = graphql(`
  mutation ResendMessage($id: ID!) {
    resendMessage(id: $id) {
      id
      failedAt
      resentCount
    }
  }
`);
