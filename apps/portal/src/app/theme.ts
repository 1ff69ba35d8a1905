import { useEffect } from 'react';
import type { Role } from '@/gql/graphql';

export type Theme = 'virk' | 'borger';

/** Citizens get borger.dk's look; employers, mentors and the job centre get Virk's. */
export function themeFor(role: Role | undefined, path: string): Theme {
  if (role === 'CITIZEN') return 'borger';
  if (!role && (path.startsWith('/mit-forloeb') || path.startsWith('/mine-forslag')))
    return 'borger';
  return 'virk';
}

const loaders: Record<Theme, () => Promise<unknown>> = {
  virk: () => import('@/styles/theme-virk.css'),
  borger: () => import('@/styles/theme-borger.css'),
};

/** The theme asked for last: a stylesheet that loads after a later request gives way to it. */
let wanted: Theme | null = null;

/**
 * Loads the design system's stylesheet for a theme (each is a whole build of Det Fælles
 * Designsystem, so only one may be active) and disables the other one if it was loaded before.
 * Of overlapping calls the last one wins, whichever stylesheet arrives first.
 */
export async function applyTheme(theme: Theme): Promise<void> {
  wanted = theme;
  await loaders[theme]();
  if (wanted !== theme) return;
  for (const sheet of Array.from(document.styleSheets)) {
    const node = sheet.ownerNode as HTMLElement | null;
    const source = node?.getAttribute('href') ?? node?.getAttribute('data-vite-dev-id') ?? '';
    const match = /theme-(virk|borger)/.exec(source);
    if (match) sheet.disabled = match[1] !== theme;
  }
  document.documentElement.dataset.theme = theme;
}

export function useTheme(role: Role | undefined): Theme {
  const theme = themeFor(role, window.location.pathname);
  useEffect(() => {
    void applyTheme(theme);
  }, [theme]);
  return theme;
}
