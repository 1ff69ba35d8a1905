import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { request } from '@/api/client';
import { Alert, ErrorSummary, PageTitle, TextField } from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import { graphql } from '@/gql';

const SignUpDocument = graphql(`
  mutation SignUpEmployer($input: SignUpEmployerInput!) {
    signUpEmployer(input: $input) {
      message
    }
  }
`);

/** An employer asks for an account; the mail says what happens next (same answer for all). */
export function SignUpPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const [done, setDone] = useState<string>();
  const schema = useMemo(
    () =>
      z.object({
        displayName: z
          .string()
          .trim()
          .min(1, t('signUp.nameRequired'))
          .max(200, tc('form.tooLong', { max: 200 })),
        email: z.string().trim().email(tc('form.invalidEmail')),
        password: z
          .string()
          .refine((p) => p === '' || p.length >= 12, tc('form.tooShort', { min: 12 }))
          .refine((p) => p.length <= 200, tc('form.tooLong', { max: 200 })),
      }),
    [t, tc],
  );
  const form = useApiForm({
    schema,
    defaultValues: { displayName: '', email: '', password: '' },
    onSubmit: async ({ password, ...rest }) => {
      const { signUpEmployer } = await request(SignUpDocument, {
        input: { ...rest, ...(password ? { password } : {}) },
      });
      setDone(signUpEmployer.message);
    },
  });
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('signUp.title')}</PageTitle>
        <p className="font-lead">{t('signUp.intro')}</p>
        {done ? (
          <Alert kind="success">{done}</Alert>
        ) : (
          <>
            <ErrorSummary {...form.summary} />
            <form onSubmit={form.submit} noValidate>
              <TextField
                label={t('signUp.displayName')}
                autoComplete="name"
                {...form.field('displayName')}
              />
              <TextField
                label={t('signUp.email')}
                type="email"
                autoComplete="email"
                {...form.field('email')}
              />
              <TextField
                label={t('signUp.password')}
                type="password"
                autoComplete="new-password"
                optional
                hint={t('signUp.passwordHint')}
                {...form.field('password')}
              />
              <button type="submit" className="button button-primary" disabled={form.submitting}>
                {t('signUp.submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
