import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '@/auth/AuthProvider';
import type { Language } from '@/i18n';
import { navigationFor } from '@/app/navigation';
import { useTheme } from '@/app/theme';

/**
 * The page frame of Det Fælles Designsystem: skip link, header (portal info with the user and
 * sign-out, solution heading, main navigation with a mobile drawer), main and footer. The theme
 * (Virk or borger.dk) follows the signed-in role.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { user, signOut, changeLanguage } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const theme = useTheme(user?.role);
  const items = user ? navigationFor(user.role) : [];
  const [drawerOpen, setDrawerOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const closerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setDrawerOpen(false), [location.pathname]);
  useEffect(() => {
    if (!drawerOpen) return;
    closerRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setDrawerOpen(false);
        openerRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  const otherLanguage: Language = i18n.language === 'en' ? 'da' : 'en';
  const languageButton = (
    <button
      type="button"
      className="button button-tertiary"
      lang={otherLanguage}
      onClick={() => changeLanguage(otherLanguage)}
    >
      {t('language.switchTo')}
    </button>
  );
  const userBlock = user ? (
    <div className="portal-user">
      <p className="user">
        <span className="weight-semibold">{user.displayName}</span>
        <span className="d-block">{t(`roles.${user.role}`)}</span>
      </p>
      <button
        type="button"
        className="button button-secondary d-print-none log-off"
        onClick={() => void signOut().then(() => navigate('/log-ind'))}
      >
        {t('nav.signOut')}
      </button>
    </div>
  ) : null;
  const isCurrent = (item: { to: string; end?: boolean }) =>
    matchPath({ path: item.to, end: item.end ?? false }, location.pathname) !== null;
  const navList = (
    <ul className="mainmenu">
      {items.map((item) => (
        <li key={item.to} className={isCurrent(item) ? 'active current' : undefined}>
          <NavLink to={item.to} end={item.end} className="nav-link">
            <span>{t(item.label, { ns: item.ns })}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );

  return (
    <div className={`theme-${theme}`}>
      <a className="skipnav" href="#main-content">
        {t('skipToContent')}
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            {items.length > 0 && (
              <button
                ref={openerRef}
                type="button"
                className="button button-tertiary button-menu-open js-menu-open ml-auto"
                aria-haspopup="menu"
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              >
                Menu
              </button>
            )}
            <div className="d-flex align-items-center ml-auto">
              {languageButton}
              {userBlock}
            </div>
          </div>
        </div>
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <a href="/">{t('appName')}</a>
            </div>
            <div className="additional-info">
              <p>{t('appTagline')}</p>
            </div>
          </div>
        </div>
        {items.length > 0 && (
          <div className="navigation-menu">
            <div className="navigation-menu-inner container">
              <nav className="nav" aria-label={t('nav.main')}>
                {navList}
              </nav>
            </div>
          </div>
        )}
        {drawerOpen && (
          <div
            className="mobile-drawer is-visible"
            role="dialog"
            aria-modal="true"
            aria-label={t('nav.main')}
          >
            <div className="menu-top">
              <span className="menu-heading">Menu</span>
              <button
                ref={closerRef}
                type="button"
                className="button button-tertiary button-menu-close js-menu-close"
                onClick={() => {
                  setDrawerOpen(false);
                  openerRef.current?.focus();
                }}
              >
                {t('actions.close')}
              </button>
            </div>
            <nav className="navigation-menu-mobile" aria-label={t('nav.main')}>
              {navList}
            </nav>
            <div className="portal-info-mobile">{userBlock}</div>
          </div>
        )}
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer>
        <div className="footer">
          <div className="container">
            <p>{t('footer.about')}</p>
          </div>
        </div>
      </footer>
    </div>
  );
}

/** A page's heading: sets the document title and takes focus after navigation (screen readers). */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const text = title ?? (typeof children === 'string' ? children : '');
  const location = useLocation();
  useEffect(() => {
    if (text) document.title = `${text} – ${t('appName')}`;
  }, [text, t]);
  useEffect(() => {
    // Only after an in-app navigation: the first load leaves focus where the browser puts it.
    if (((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0)
      ref.current?.focus({ preventScroll: false });
  }, [location.pathname]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
