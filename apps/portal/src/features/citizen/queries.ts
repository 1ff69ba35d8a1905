import { graphql } from '@/gql';

/** The citizen's own data: every page asks the API for what it shows, nothing more. */
export const MyOverviewDocument = graphql(`
  query MyOverview {
    myProfile {
      id
      firstName
      contactPreference
      jobGoals {
        id
        ownWords
        priority
        hoursNow
        hoursLater
        earliestStart
        maxCommuteKm
      }
    }
  }
`);

export const MyPlanDocument = graphql(`
  query MyPlan {
    myPlan {
      citizenId
      longTermGoal
      updatedAt
      version
      milestones {
        id
        title
        deadline
        status
      }
      activities {
        id
        title
        startsOn
        endsOn
        responsible
      }
    }
  }
`);

export const SetMyContactPreferenceDocument = graphql(`
  mutation SetMyContactPreference($input: SetMyContactPreferenceInput!) {
    setMyContactPreference(input: $input) {
      id
      contactPreference
    }
  }
`);

export const MyTeamDocument = graphql(`
  query MyTeam {
    myProfile {
      id
      team {
        userId
        displayName
        email
        role
      }
    }
  }
`);

export const MyConsentsDocument = graphql(`
  query MyConsents {
    myProfile {
      id
      consents {
        id
        companyId
        companyName
        grantedAt
        purpose
        scopes
        withdrawnAt
      }
    }
  }
`);

export const GrantMyConsentDocument = graphql(`
  mutation GrantMyConsent($input: GrantConsentInput!) {
    grantConsent(input: $input) {
      id
      companyName
    }
  }
`);

export const WithdrawMyConsentDocument = graphql(`
  mutation WithdrawMyConsent($id: ID!) {
    withdrawConsent(id: $id) {
      id
      withdrawnAt
    }
  }
`);

export const MyAccessLogDocument = graphql(`
  query MyAccessLog($first: Int!) {
    myAccessLog(first: $first) {
      occurredAt
      action
      operation
      allowed
      userName
      userRole
      teamMember
      teamRole
      reason
    }
  }
`);
