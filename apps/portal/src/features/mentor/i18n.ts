/** The texts of the mentor pages: Danish first, English beside it with the same keys. */
const da = {
  nav: { slots: 'Mine praktikpladser' },
  status: {
    DRAFT: 'Kladde',
    PUBLISHED: 'Offentliggjort',
    PAUSED: 'På pause',
    CLOSED: 'Lukket',
  },
  slots: {
    title: 'Mine praktikpladser',
    intro:
      'Her er de praktikpladser hos {{companies}}, hvor du er mentor. Virksomhedens administrator ændrer dem.',
    introNoCompany: 'Her er de praktikpladser, hvor du er mentor.',
    empty: 'Du er ikke mentor på nogen praktikpladser endnu.',
    caption: 'Praktikpladser, hvor du er mentor',
    colTitle: 'Praktikplads',
    colStatus: 'Status',
    colPeriod: 'Start og varighed',
    colPlace: 'Arbejdssted',
    colHours: 'Timer om ugen',
    startWindow: 'Start {{from}} – {{to}}',
    startFrom: 'Start fra {{from}}',
    weeks_one: '{{count}} uge',
    weeks_other: '{{count}} uger',
    hours: '{{min}}–{{max}} timer',
    hoursExact: '{{hours}} timer',
    tasks: 'Opgaver',
  },
};

type MentorTexts = typeof da;

export const mentor: { da: MentorTexts; en: MentorTexts } = {
  da,
  en: {
    nav: { slots: 'My work placements' },
    status: { DRAFT: 'Draft', PUBLISHED: 'Published', PAUSED: 'Paused', CLOSED: 'Closed' },
    slots: {
      title: 'My work placements',
      intro:
        'These are the work placements at {{companies}} where you are the mentor. The company’s administrator changes them.',
      introNoCompany: 'These are the work placements where you are the mentor.',
      empty: 'You are not the mentor of any work placement yet.',
      caption: 'Work placements where you are the mentor',
      colTitle: 'Work placement',
      colStatus: 'Status',
      colPeriod: 'Start and duration',
      colPlace: 'Site',
      colHours: 'Hours per week',
      startWindow: 'Start {{from}} – {{to}}',
      startFrom: 'Start from {{from}}',
      weeks_one: '{{count}} week',
      weeks_other: '{{count}} weeks',
      hours: '{{min}}–{{max}} hours',
      hoursExact: '{{hours}} hours',
      tasks: 'Tasks',
    },
  },
};
