import { languageFrom } from './language';

describe('language from Accept-Language', () => {
  it.each([
    [undefined, 'da'],
    ['', 'da'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['da-DK,da;q=0.9,en;q=0.8', 'da'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE', 'da'],
    ['en;q=0.4,da;q=0.8', 'da'],
    ['nb-NO', 'da'],
  ])('%p -> %s', (header, expected) => {
    expect(languageFrom(header)).toBe(expected);
  });
});
