import { graphql } from '@/gql';

/** What a mentor reads: their companies' slots (the API shows a mentor their companies' slots). */
export const MentorSlotsDocument = graphql(`
  query MentorSlots {
    myCompanies {
      id
      name
    }
    placements(first: 30) {
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
          workingTimes {
            weekdays
            from
            until
          }
          tasks
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
