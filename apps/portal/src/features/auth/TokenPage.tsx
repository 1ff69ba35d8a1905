import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { request } from '@/api/client';
import { landingPathFor } from '@/app/navigation';
import { type SignedIn, useAuth } from '@/auth/AuthProvider';
import { Alert, ErrorMessage, PageTitle, useToast } from '@/components';
import { graphql } from '@/gql';

const RedeemDocument = graphql(`
  mutation RedeemMagicLink($input: SignInTokenInput!) {
    redeemMagicLink(input: $input) {
      accessToken
      user {
        id
      }
    }
  }
`);
const AcceptDocument = graphql(`
  mutation AcceptInvitation($input: SignInTokenInput!) {
    acceptInvitation(input: $input) {
      accessToken
      user {
        id
      }
    }
  }
`);
const ConfirmDocument = graphql(`
  mutation ConfirmEmployerSignUp($input: ConfirmEmployerSignUpInput!) {
    confirmEmployerSignUp(input: $input) {
      accessToken
      user {
        id
      }
    }
  }
`);

type Kind = 'magic' | 'invite' | 'confirm';

const SPEND: Record<Kind, (token: string) => Promise<SignedIn>> = {
  magic: async (token) => (await request(RedeemDocument, { input: { token } })).redeemMagicLink,
  invite: async (token) => (await request(AcceptDocument, { input: { token } })).acceptInvitation,
  confirm: async (token) =>
    (await request(ConfirmDocument, { input: { token } })).confirmEmployerSignUp,
};

/** Read once: the token leaves the address bar (and the history) before anything is sent. */
function takeTokenFromFragment(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (window.location.hash) {
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search,
    );
  }
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * The page a mailed link opens: a magic sign-in link, an invitation, or the confirmation of an
 * employer sign-up. Opening it uses nothing up (mail scanners open links too); one button spends
 * the token and signs the person in.
 */
export function TokenPage({ kind }: { kind: Kind }) {
  const { t } = useTranslation('auth');
  const [token] = useState(takeTokenFromFragment);
  const { completeSignIn } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const spend = useMutation({
    mutationFn: async () => completeSignIn(await SPEND[kind](token ?? '')),
    onSuccess: (user) => {
      toast(t('token.signedInAs', { name: user.displayName }));
      void navigate(kind === 'confirm' ? '/virksomhed' : landingPathFor(user.role), {
        replace: true,
      });
    },
  });
  const texts = {
    magic: ['token.magicTitle', 'token.magicIntro', 'token.magicSubmit'],
    invite: ['token.inviteTitle', 'token.inviteIntro', 'token.inviteSubmit'],
    confirm: ['token.confirmTitle', 'token.confirmIntro', 'token.confirmSubmit'],
  }[kind];

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t(texts[0])}</PageTitle>
        {token ? (
          <>
            <p className="font-lead">{t(texts[1])}</p>
            {spend.isError && <ErrorMessage error={spend.error} />}
            <button
              type="button"
              className="button button-primary"
              disabled={spend.isPending}
              onClick={() => spend.mutate()}
            >
              {t(texts[2])}
            </button>
          </>
        ) : (
          <Alert kind="error">{t('token.missing')}</Alert>
        )}
        {(spend.isError || !token) && kind !== 'confirm' && (
          <p className="mt-6">
            <Link to="/log-ind">{t('token.requestNew')}</Link>
          </p>
        )}
      </div>
    </div>
  );
}
