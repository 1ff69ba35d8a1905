import type { MailKind, MailParams } from './mail';
import { plainValue, renderMail } from './templates';

const EXAMPLES: { [K in MailKind]: MailParams[K] } = {
  'employer-sign-up-confirm': {
    confirmUrl: 'https://jobbro.test/tilmelding/bekraeft#token=abc',
    validHours: 24,
  },
  'employer-sign-up-existing': { displayName: 'Eva Hansen', signInUrl: 'https://jobbro.test' },
};

describe('mail templates', () => {
  it.each(Object.keys(EXAMPLES) as MailKind[])(
    '%s renders in Danish and English with a one-line subject',
    (kind) => {
      for (const language of ['da', 'en'] as const) {
        const mail = renderMail(kind, language, EXAMPLES[kind] as never);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.text).toContain('Jobbro');
        expect(mail.text).not.toMatch(/\{\w+\}|undefined/);
      }
    },
  );

  it('puts the link in the confirmation, and none in "you already have an account"', () => {
    expect(
      renderMail('employer-sign-up-confirm', 'da', EXAMPLES['employer-sign-up-confirm']).text,
    ).toContain('#token=abc');
    expect(
      renderMail('employer-sign-up-existing', 'en', EXAMPLES['employer-sign-up-existing']).text,
    ).toContain('Hello Eva Hansen');
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

  it('bounds the length of a value', () => {
    expect(plainValue('x'.repeat(500))).toHaveLength(100);
  });
});
