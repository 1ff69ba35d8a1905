import { normalizeSearchText } from './normalize';

/** Danish stop words, and words every job goal uses (arbejde, job), which say nothing. */
const STOP_WORDS = new Set(
  'og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan gerne rigtig godt lidt kan ikke men jeg arbejde arbejd job gerne tilbage'.split(
    ' ',
  ),
);

/**
 * Bump when contentWords changes: terms stored with an older version are then not trusted
 * (reverse matching treats them as unknown) until the goal is saved again.
 */
export const CONTENT_WORDS_VERSION = 1;

/** Content words, lightly stemmed (Danish plural and definite endings), for comparing texts. */
export function contentWords(text: string): Set<string> {
  const words = normalizeSearchText(text)
    .split(/[^a-zæøå0-9]+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
    .map((w) => w.replace(/(erne|ene|ers|er|en|et|e)$/, ''))
    .filter((w) => w.length > 2);
  return new Set(words);
}
