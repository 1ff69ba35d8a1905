import type { MailKind, MailParams } from '../mail';
import { plainValue, renderTemplate } from '../template-engine';
import { TEMPLATES, renderMail } from './index';

/**
 * Example parameters for every kind (one entry per kind; the type makes a missing one a compile
 * error). Each helper adds theirs here.
 */
const EXAMPLES: { [K in MailKind]: MailParams[K] } = {
  'employer-sign-up-confirm': {
    confirmUrl: 'https://jobbro.test/tilmelding/bekraeft#token=abc',
    validHours: 24,
  },
  'employer-sign-up-existing': { displayName: 'Eva Hansen', signInUrl: 'https://jobbro.test' },
  'meeting-invitation': {
    recipientName: 'Mette Jensen',
    meetingKind: 'Opfølgningsmøde',
    startsAt: '2026-12-03T09:00:00.000Z',
    endsAt: '2026-12-03T10:00:00.000Z',
    location: 'Jobcentret, mødelokale 2',
    organizerName: 'Karin Konsulent',
    citizenFirstName: 'Ahmad',
  },
  'meeting-updated': {
    ...{
      recipientName: 'Mette Jensen',
      meetingKind: 'Opfølgningsmøde',
      startsAt: '2026-12-03T09:00:00.000Z',
      endsAt: '2026-12-03T10:00:00.000Z',
      location: 'Jobcentret, mødelokale 2',
      organizerName: 'Karin Konsulent',
      citizenFirstName: 'Ahmad',
    },
    location: null,
  },
  'meeting-cancelled': {
    ...{
      recipientName: 'Mette Jensen',
      meetingKind: 'Opfølgningsmøde',
      startsAt: '2026-12-03T09:00:00.000Z',
      endsAt: '2026-12-03T10:00:00.000Z',
      location: 'Jobcentret, mødelokale 2',
      organizerName: 'Karin Konsulent',
      citizenFirstName: 'Ahmad',
    },
    citizenFirstName: null,
  },
  reminder: {
    recipientName: 'Mette Jensen',
    item: {
      isMeeting: true,
      isFollowUp: false,
      isMilestone: false,
      citizenFirstName: 'Ahmad',
      meetingKind: 'Opfølgningsmøde',
      startsAt: '2026-12-03T09:00:00.000Z',
      location: 'Jobcentret',
      dueOn: null,
      deadline: null,
    },
  },
  'reminder-digest': {
    recipientName: 'Mette Jensen',
    items: [
      {
        isMeeting: true,
        isFollowUp: false,
        isMilestone: false,
        citizenFirstName: 'Ahmad',
        meetingKind: 'Opfølgningsmøde',
        startsAt: '2026-12-03T09:00:00.000Z',
        location: 'Jobcentret',
        dueOn: null,
        deadline: null,
      },
      {
        isMeeting: false,
        isFollowUp: true,
        isMilestone: false,
        citizenFirstName: 'Ahmad',
        meetingKind: null,
        startsAt: null,
        location: null,
        dueOn: '2026-12-03',
        deadline: null,
      },
      {
        isMeeting: false,
        isFollowUp: false,
        isMilestone: true,
        citizenFirstName: null,
        meetingKind: null,
        startsAt: null,
        location: null,
        dueOn: null,
        deadline: '2026-12-04',
      },
    ],
  },
  'magic-link': {
    displayName: 'Eva Hansen',
    signInUrl: 'https://jobbro.test/log-ind/link#token=abc',
    validMinutes: 15,
  },
  'invitation-staff': {
    displayName: 'Eva Hansen',
    inviterName: 'Kim Berg',
    organisationName: 'Jobcenter Aarhus',
    role: { da: 'jobkonsulent', en: 'job consultant' },
    acceptUrl: 'https://jobbro.test/invitation#token=abc',
    validDays: 7,
  },
  'invitation-company-admin': {
    displayName: 'Eva Hansen',
    inviterName: 'Kim Berg',
    organisationName: null,
    role: { da: 'virksomhedsadministrator', en: 'company administrator' },
    acceptUrl: 'https://jobbro.test/invitation#token=abc',
    validDays: 7,
  },
  'invitation-mentor': {
    displayName: 'Eva Hansen',
    inviterName: 'Kim Berg',
    organisationName: 'Bageriet ApS',
    role: { da: 'mentor', en: 'mentor' },
    acceptUrl: 'https://jobbro.test/invitation#token=abc',
    validDays: 7,
  },
  'invitation-citizen': {
    displayName: 'Eva Hansen',
    inviterName: 'Kim Berg',
    organisationName: 'Jobcenter Aarhus',
    role: { da: 'borger', en: 'citizen' },
    acceptUrl: 'https://jobbro.test/invitation#token=abc',
    validDays: 7,
  },
  'proposal-to-citizen': {
    recipientName: 'Eva',
    placementTitle: 'Køkkenhjælper',
    companyName: 'Køkkenet på Havnen ApS',
    start: '2027-01-04',
    end: '2027-01-29',
    answerBy: '2026-12-16T09:00:00.000Z',
    url: 'https://jobbro.test/mine-forslag',
  },
  'proposal-to-employer': {
    recipientName: 'Lone Berg',
    placementTitle: 'Køkkenhjælper',
    companyName: 'Køkkenet på Havnen ApS',
    start: '2027-01-04',
    end: '2027-01-29',
    answerBy: null,
    url: 'https://jobbro.test/virksomhed/forslag',
  },
  'proposal-update': {
    recipientName: 'Mette Sørensen',
    placementTitle: 'Køkkenhjælper',
    companyName: 'Køkkenet på Havnen ApS',
    start: '2027-01-04',
    end: '2027-01-29',
    answerBy: null,
    url: 'https://jobbro.test/forslag',
    status: 'godkendt af virksomheden',
  },
};

/** A hostile value for every string parameter: header injection, markup, a bidi override. */
const HOSTILE = 'Eva\r\nBcc: x@evil.test <script>alert(1)</script> \u202Egnp.exe';

function hostile(value: unknown): unknown {
  if (typeof value === 'string') return /^https?:/.test(value) ? value : HOSTILE;
  if (Array.isArray(value)) return value.map(hostile);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v)]));
  return value;
}

const KINDS = Object.keys(EXAMPLES) as MailKind[];

describe('mail templates', () => {
  it('has an example for every registered template and a template for every example', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...KINDS].sort());
  });

  describe.each(KINDS)('%s', (kind) => {
    it.each(['da', 'en'] as const)('renders in %s: one-line subject, text and HTML', (language) => {
      const mail = renderMail(kind, language, EXAMPLES[kind] as never);
      expect(mail.subject.length).toBeGreaterThan(0);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toContain('Jobbro');
      expect(mail.text).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
      expect(mail.html).toContain(`<html lang="${language}">`);
      expect(mail.html).toContain('Jobbro');
      expect(mail.html).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
    });

    it('uses no unescaped HTML output ({{{ }}} or {{& }})', () => {
      for (const language of ['da', 'en'] as const) {
        const source = TEMPLATES[kind][language];
        for (const part of [source.subject, source.text, source.html])
          expect(part).not.toMatch(/\{\{\{|\{\{&/);
      }
    });

    it('keeps hostile values out of headers and markup', () => {
      for (const language of ['da', 'en'] as const) {
        const mail = renderMail(kind, language, hostile(EXAMPLES[kind]) as never);
        expect(mail.subject).not.toMatch(/[\r\n\u202e]/);
        expect(mail.text).not.toMatch(/\r|\u202e|\nBcc:/);
        expect(mail.html).not.toMatch(/<script|\u202e/);
      }
    });
  });

  it('puts the link in the confirmation, and none in "you already have an account"', () => {
    const confirm = renderMail(
      'employer-sign-up-confirm',
      'da',
      EXAMPLES['employer-sign-up-confirm'],
    );
    expect(confirm.text).toContain('#token=abc');
    expect(confirm.html).toContain(
      '<a href="https://jobbro.test/tilmelding/bekraeft#token&#x3D;abc">',
    );
    expect(
      renderMail('employer-sign-up-existing', 'en', EXAMPLES['employer-sign-up-existing']).text,
    ).toContain('Hello Eva Hansen');
  });

  it('escapes names in HTML and removes line breaks from them in text', () => {
    const mail = renderMail('employer-sign-up-existing', 'da', {
      displayName: 'Eva <b>"Hansen"</b>\r\nBcc: x@evil.test',
      signInUrl: 'javascript:alert(1)',
    });
    expect(mail.html).toContain('Hej Eva &lt;b&gt;&quot;Hansen&quot;&lt;/b&gt; Bcc: x@evil.test');
    expect(mail.html).not.toContain('href="javascript');
    expect(mail.text).toContain('Hej Eva <b>"Hansen"</b> Bcc: x@evil.test\n');
  });

  it.each([
    ['Eva\r\nBcc: x@evil.test', 'Eva Bcc: x@evil.test'],
    ['  Eva \t Hansen ', 'Eva Hansen'],
    ['Eva\u202Egnp.exe', 'Eva gnp.exe'],
    ['Eva\u0000\u200B', 'Eva'],
    ['Æblemand Øster Åsen', 'Æblemand Øster Åsen'],
  ])('cleans %j to %j', (raw, clean) => {
    expect(plainValue(raw)).toBe(clean);
  });

  it('formats dates and times in Danish time, in the language of the mail', () => {
    const template = {
      da: { subject: '{{date at}}', text: '{{datetime at}} Jobbro', html: '<p>{{time at}}</p>' },
      en: { subject: '{{date at}}', text: '{{datetime at}} Jobbro', html: '<p>{{time at}}</p>' },
    };
    const da = renderTemplate(template as never, 'da', { at: '2026-07-01T08:30:00Z' } as never);
    expect(da.subject).toBe('1. juli 2026');
    expect(da.html).toContain('<p>10.30</p>');
    const en = renderTemplate(template as never, 'en', { at: '2026-07-01T08:30:00Z' } as never);
    expect(en.subject).toBe('1 July 2026');
    expect(en.text).toContain('10:30');
  });

  it('bounds the length of a value', () => {
    expect(plainValue('x'.repeat(500))).toHaveLength(100);
  });
});
