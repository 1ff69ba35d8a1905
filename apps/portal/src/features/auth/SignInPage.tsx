import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { request } from '@/api/client';
import { landingPathFor } from '@/app/navigation';
import { useAuth } from '@/auth/AuthProvider';
import { Alert, ErrorSummary, PageTitle, TextField } from '@/components';
import { useApiForm } from '@/forms/useApiForm';
import { graphql } from '@/gql';

const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      user {
        id
      }
    }
  }
`);

const RequestLinkDocument = graphql(`
  mutation RequestMagicLink($input: RequestMagicLinkInput!) {
    requestMagicLink(input: $input) {
      message
    }
  }
`);

/** Only a path inside the portal may be the place to return to (never another site). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : null;
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const { completeSignIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [linkMessage, setLinkMessage] = useState<string>();

  const passwordSchema = useMemo(
    () =>
      z.object({
        email: z.string().trim().email(tc('form.invalidEmail')),
        password: z.string().min(1, t('signIn.passwordRequired')),
      }),
    [t, tc],
  );
  const linkSchema = useMemo(
    () => z.object({ email: z.string().trim().email(tc('form.invalidEmail')) }),
    [tc],
  );

  const passwordForm = useApiForm({
    schema: passwordSchema,
    defaultValues: { email: '', password: '' },
    onSubmit: async (input) => {
      const { login } = await request(LoginDocument, { input });
      const user = await completeSignIn(login);
      void navigate(safeNext(params.get('next')) ?? landingPathFor(user.role), { replace: true });
    },
  });
  const linkForm = useApiForm({
    schema: linkSchema,
    defaultValues: { email: '' },
    onSubmit: async (input) => {
      const { requestMagicLink } = await request(RequestLinkDocument, { input });
      setLinkMessage(requestMagicLink.message);
    },
  });

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('signIn.title')}</PageTitle>
        <p className="font-lead">{t('signIn.intro')}</p>

        <section aria-labelledby="password-heading" className="mt-7">
          <h2 id="password-heading">{t('signIn.passwordHeading')}</h2>
          <ErrorSummary {...passwordForm.summary} />
          <form onSubmit={passwordForm.submit} noValidate>
            <TextField
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              {...passwordForm.field('email')}
            />
            <TextField
              label={t('signIn.password')}
              type="password"
              autoComplete="current-password"
              {...passwordForm.field('password')}
            />
            <button
              type="submit"
              className="button button-primary"
              disabled={passwordForm.submitting}
            >
              {t('signIn.submit')}
            </button>
          </form>
        </section>

        <section aria-labelledby="link-heading" className="mt-8">
          <h2 id="link-heading">{t('signIn.linkHeading')}</h2>
          <p>{t('signIn.linkIntro')}</p>
          {linkMessage ? (
            <Alert kind="success">{linkMessage}</Alert>
          ) : (
            <>
              <ErrorSummary {...linkForm.summary} />
              <form onSubmit={linkForm.submit} noValidate>
                <TextField
                  label={t('signIn.email')}
                  type="email"
                  autoComplete="email"
                  {...linkForm.field('email')}
                  id="field-link-email"
                />
                <button
                  type="submit"
                  className="button button-secondary"
                  disabled={linkForm.submitting}
                >
                  {t('signIn.linkSubmit')}
                </button>
              </form>
            </>
          )}
        </section>

        <p className="mt-8">
          {t('signIn.noAccount')} <Link to="/tilmelding">{t('signIn.signUp')}</Link>
        </p>
      </div>
    </div>
  );
}
