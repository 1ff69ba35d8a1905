import { randomBytes } from 'node:crypto';
import { cprBirthDate, decryptCpr, encryptCpr, isValidCpr, normalizeCpr } from './cpr';

describe('CPR numbers', () => {
  it.each([
    ['0101701234', '1970-01-01'],
    ['3112993999', '1999-12-31'],
    ['0102034123', '2003-02-01'], // 7th digit 4, year <= 36: 2000s
    ['0102504123', '1950-02-01'], // 7th digit 4, year > 36: 1900s
    ['0102105123', '2010-02-01'], // 7th digit 5-8, year <= 57: 2000s
    ['0102605123', '1860-02-01'], // 7th digit 5-8, year > 57: 1800s
    ['2902001234', null], // 1900 was no leap year
    ['3204701234', null], // no 32nd of April
    ['010170123', null], // 9 digits
    ['01017012345', null], // 11 digits
    ['x010170123', null], // not only digits
    ['0102369123', '2036-02-01'], // 7th digit 9, year <= 36: 2000s
    ['0102379123', '1937-02-01'], // 7th digit 9, year > 36: 1900s
    ['0102374123', '1937-02-01'], // 7th digit 4, the first year of the 1900s
    ['0102575123', '2057-02-01'], // 7th digit 5-8, the last year of the 2000s
    ['0102585123', '1858-02-01'], // 7th digit 5-8, the first year of the 1800s
    ['0113701234', null], // no 13th month
    ['0100701234', null], // no month 0
    ['0001701234', null], // no day 0
    ['2902041234', '1904-02-29'], // 7th digit 1: 1904, a leap year
    ['2902964123', '1996-02-29'], // 7th digit 4, 96 > 36: 1996, a leap year
  ])('%s is born %s', (cpr, birthDate) => {
    expect(cprBirthDate(cpr)).toBe(birthDate);
    expect(isValidCpr(cpr)).toBe(birthDate !== null);
  });

  it('normalizes 010170-1234', () => {
    expect(normalizeCpr('010170-1234')).toBe('0101701234');
  });

  it('encrypts so that the stored form never contains the number and only the key opens it', () => {
    const key = randomBytes(32).toString('hex');
    const stored = encryptCpr('0101701234', key);
    expect(stored).not.toContain('0101701234');
    expect(encryptCpr('0101701234', key)).not.toBe(stored); // random IV
    expect(decryptCpr(stored, key)).toBe('0101701234');
    expect(() => decryptCpr(stored, randomBytes(32).toString('hex'))).toThrow();
  });
});
