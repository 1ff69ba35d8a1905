import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '@/api/errors';
import { AuthProvider } from '@/auth/AuthProvider';
import { ToastProvider } from '@/components';
import { currentLanguage } from '@/i18n';
import { routes } from '@/app/routes';
import { applyTheme, themeFor } from '@/app/theme';
import '@/styles/portal.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal will not change by asking again; a network blip may.
      retry: (count, error) =>
        count < 2 &&
        error instanceof ApiError &&
        ['NETWORK', 'SERVICE_UNAVAILABLE'].includes(error.code),
    },
    mutations: { retry: false },
  },
});

const router = createBrowserRouter(routes);

document.documentElement.lang = currentLanguage();

// The design system's stylesheet first, so the first paint is already styled.
void applyTheme(themeFor(undefined, window.location.pathname)).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <ToastProvider>
            <RouterProvider router={router} />
          </ToastProvider>
        </AuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
});
