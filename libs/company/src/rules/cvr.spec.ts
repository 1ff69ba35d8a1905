import { isValidCvr, normalizeCvr } from './cvr';

describe('CVR numbers', () => {
  it.each([
    ['10150817', true], // Novo Nordisk
    ['24256790', true], // Novo Nordisk A/S
    ['29189978', true],
    ['10150818', false], // last digit off
    ['1015081', false], // 7 digits
    ['101508170', false], // 9 digits
    // Weighted sum 0·2 + 1·7 + 4·1 = 11: only the leading zero makes it invalid.
    ['01000004', false], // leading zero, valid checksum
    ['1015O817', false], // letter O
    ['', false],
  ])('%s is valid: %s', (cvr, valid) => {
    expect(isValidCvr(cvr)).toBe(valid);
  });

  it('"01000004" passes the modulus-11 checksum, so only the leading-zero rule refuses it', () => {
    const weights = [2, 7, 6, 5, 4, 3, 2, 1];
    const sum = [...'01000004'].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
    expect(sum % 11).toBe(0);
  });

  it.each([
    ['DK 1015 0817', '10150817'],
    ['10 15 08 17', '10150817'],
    ['dk10150817', '10150817'],
    ['1015-0817', '10150817'],
  ])('normalizes %p to %p', (input, expected) => {
    expect(normalizeCvr(input)).toBe(expected);
  });
});
