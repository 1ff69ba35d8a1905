import { runInNewContext } from 'node:vm';
import type supertest from 'supertest';

/** What a page's script did, as a person would see it. */
export interface PageRun {
  status: () => string;
  buttonDisabled: () => boolean;
  buttonHidden: () => boolean;
  sessionStorage: Map<string, string>;
  /** The address bar after the script ran (the pages drop the fragment when the button is pressed). */
  url: () => string;
  click: () => Promise<void>;
}

/**
 * Runs the inline script of one of the API's small pages (sign-up, sign-in link, invitation)
 * in a sandbox with just the browser parts it uses: two elements, the address, sessionStorage and
 * a fetch that goes to the real API. Lets a test press the page's button.
 */
export function runPageScript(html: string, url: string, http: () => supertest.Agent): PageRun {
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1];
  if (!script) throw new Error('the page has no inline script');
  const parsed = new URL(url);
  let href = parsed.pathname + parsed.hash;
  let onClick: (() => Promise<void>) | undefined;
  const button = {
    disabled: false,
    hidden: false,
    addEventListener: (_: string, handler: () => Promise<void>) => {
      onClick = handler;
    },
  };
  const status = { textContent: '' };
  const storage = new Map<string, string>();
  const sandbox = {
    document: {
      getElementById: (id: string) => (id === 'status' ? status : button),
    },
    location: {
      get hash() {
        return href.includes('#') ? href.slice(href.indexOf('#')) : '';
      },
      get pathname() {
        return href.split('#')[0];
      },
    },
    history: {
      replaceState: (_: unknown, __: string, next: string) => {
        href = next;
      },
    },
    sessionStorage: {
      setItem: (k: string, v: string) => storage.set(k, v),
      getItem: (k: string) => storage.get(k) ?? null,
    },
    URLSearchParams,
    fetch: async (path: string, init: { headers: Record<string, string>; body: string }) => {
      const res = await http().post(path).set(init.headers).send(init.body);
      return { json: () => Promise.resolve(res.body as unknown) };
    },
  };
  runInNewContext(script, sandbox);
  return {
    status: () => status.textContent,
    buttonDisabled: () => button.disabled,
    buttonHidden: () => button.hidden,
    sessionStorage: storage,
    url: () => href,
    click: async () => {
      if (!onClick) throw new Error('the page did not attach a click handler');
      await onClick();
    },
  };
}
