import type { Role } from '@/gql/graphql';

export interface NavItem {
  to: string;
  /** Translation key in the namespace `ns`. */
  label: string;
  ns: string;
  end?: boolean;
}

const JOB_CENTRE_PAGES: NavItem[] = [
  { to: '/borgere', label: 'nav.citizens', ns: 'consultant' },
  { to: '/pladser', label: 'nav.search', ns: 'matching' },
  { to: '/forslag', label: 'nav.open', ns: 'proposals' },
  { to: '/virksomheder', label: 'nav.companies', ns: 'matching' },
  { to: '/regler', label: 'nav.rules', ns: 'proposals' },
];

/** The main menu of each role; its first item is the role's landing page. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  COMPANY_ADMIN: [
    { to: '/virksomhed/pladser', label: 'nav.slots', ns: 'employer' },
    { to: '/virksomhed/forslag', label: 'nav.candidates', ns: 'proposals' },
    { to: '/virksomhed', label: 'nav.company', ns: 'employer', end: true },
  ],
  MENTOR: [{ to: '/mentor', label: 'nav.slots', ns: 'mentor' }],
  JOB_CONSULTANT: [...JOB_CENTRE_PAGES, { to: '/inviter', label: 'nav.invite', ns: 'matching' }],
  CASEWORKER: [...JOB_CENTRE_PAGES, { to: '/inviter', label: 'nav.invite', ns: 'matching' }],
  SOCIAL_SUPPORT_WORKER: [{ to: '/borgere', label: 'nav.citizens', ns: 'consultant' }],
  CITIZEN: [
    { to: '/mit-forloeb', label: 'nav.plan', ns: 'citizen', end: true },
    { to: '/mine-forslag', label: 'nav.mine', ns: 'proposals' },
    { to: '/mit-forloeb/team', label: 'nav.team', ns: 'citizen' },
    { to: '/mit-forloeb/samtykker', label: 'nav.consents', ns: 'citizen' },
    { to: '/mit-forloeb/adgang', label: 'nav.accessLog', ns: 'citizen' },
  ],
  ADMINISTRATOR: [
    { to: '/admin/brugere', label: 'nav.users', ns: 'admin' },
    { to: '/admin/partnerskaber', label: 'nav.partnerships', ns: 'admin' },
    { to: '/admin/post', label: 'nav.mail', ns: 'admin' },
    { to: '/regler', label: 'nav.rules', ns: 'proposals' },
  ],
};

export const navigationFor = (role: Role): NavItem[] => NAVIGATION[role];

export const landingPathFor = (role: Role): string => NAVIGATION[role][0].to;
