/** Texts of sign-in, magic link, invitation and employer sign-up. Danish first. */
const da = {
  signIn: {
    title: 'Log ind på Jobbro',
    intro: 'Log ind med din e-mail og adgangskode, eller få et link tilsendt på e-mail.',
    passwordHeading: 'Med adgangskode',
    email: 'E-mail',
    password: 'Adgangskode',
    submit: 'Log ind',
    wrong: 'E-mail eller adgangskode er forkert.',
    linkHeading: 'Uden adgangskode',
    linkIntro: 'Vi sender et link til din e-mail. Linket virker én gang og i kort tid.',
    linkSubmit: 'Send mig et link',
    noAccount: 'Er du arbejdsgiver uden en konto?',
    signUp: 'Opret en virksomhedskonto',
    passwordRequired: 'Skriv din adgangskode',
  },
  token: {
    missing: 'Linket er ufuldstændigt. Åbn linket fra e-mailen igen, eller bed om et nyt.',
    requestNew: 'Bed om et nyt link',
    magicTitle: 'Log ind med link',
    magicIntro: 'Tryk på knappen for at logge ind. Linket kan kun bruges én gang.',
    magicSubmit: 'Log ind',
    inviteTitle: 'Invitation til Jobbro',
    inviteIntro:
      'Du er inviteret til Jobbro. Tryk på knappen for at tage imod invitationen og logge ind.',
    inviteSubmit: 'Tag imod invitationen',
    confirmTitle: 'Bekræft din virksomhedskonto',
    confirmIntro: 'Tryk på knappen for at oprette kontoen og logge ind.',
    confirmSubmit: 'Opret kontoen',
    signedInAs: 'Du er logget ind som {{name}}',
  },
  signUp: {
    title: 'Opret en virksomhedskonto',
    intro:
      'Som arbejdsgiver kan du oprette praktikpladser og følge jeres samarbejde med jobcentret. Du registrerer virksomheden med CVR-nummer, når kontoen er oprettet.',
    displayName: 'Dit navn',
    email: 'Din e-mail på arbejdet',
    password: 'Adgangskode',
    passwordHint: 'Mindst 12 tegn. Du kan også springe den over og logge ind med link på e-mail.',
    submit: 'Opret konto',
    nameRequired: 'Skriv dit navn',
  },
};

export const auth: { da: typeof da; en: typeof da } = {
  da,
  en: {
    signIn: {
      title: 'Sign in to Jobbro',
      intro: 'Sign in with your email and password, or have a link sent to your email.',
      passwordHeading: 'With a password',
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
      wrong: 'The email or password is wrong.',
      linkHeading: 'Without a password',
      linkIntro: 'We send a link to your email. It works once and for a short time.',
      linkSubmit: 'Send me a link',
      noAccount: 'Are you an employer without an account?',
      signUp: 'Create a company account',
      passwordRequired: 'Enter your password',
    },
    token: {
      missing: 'The link is incomplete. Open the link from the email again, or ask for a new one.',
      requestNew: 'Ask for a new link',
      magicTitle: 'Sign in with a link',
      magicIntro: 'Press the button to sign in. The link can be used only once.',
      magicSubmit: 'Sign in',
      inviteTitle: 'Invitation to Jobbro',
      inviteIntro:
        'You are invited to Jobbro. Press the button to accept the invitation and sign in.',
      inviteSubmit: 'Accept the invitation',
      confirmTitle: 'Confirm your company account',
      confirmIntro: 'Press the button to create the account and sign in.',
      confirmSubmit: 'Create the account',
      signedInAs: 'You are signed in as {{name}}',
    },
    signUp: {
      title: 'Create a company account',
      intro:
        'As an employer you can create work placement slots and follow your partnership with the job centre. You register the company with its CVR number once the account exists.',
      displayName: 'Your name',
      email: 'Your work email',
      password: 'Password',
      passwordHint:
        'At least 12 characters. You can also leave it out and sign in with a link by email.',
      submit: 'Create account',
      nameRequired: 'Enter your name',
    },
  },
};
