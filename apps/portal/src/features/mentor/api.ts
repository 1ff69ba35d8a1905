import { graphql } from '@/gql';

/** What a mentor reads: their companies' slots (the API shows a mentor their companies' slots). */
export const MentorSlotsDocument = graphql(`
  query MentorSlots {
    myCompanies {
      id
      name
    }
    placements(first: 100) {
      edges {
        node {
          id
          title
          status
          startEarliest
          startLatest
          durationWeeks
          weeklyHoursMin
          weeklyHoursMax
          scheduleNotes
          tasks
          company {
            id
            name
          }
          occupation {
            id
            label
          }
          site {
            id
            name
            streetAddress
            postalCode
          }
          mentor {
            id
            name
            email
          }
        }
      }
    }
  }
`);
