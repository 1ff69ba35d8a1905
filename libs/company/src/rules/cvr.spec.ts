import { isValidCvr, normalizeCvr } from './cvr';

describe('CVR numbers', () => {
  it.each([
    ['10150817', true], // Novo Nordisk
    ['24256790', true], // Novo Nordisk A/S
    ['29189978', true],
    ['10150818', false], // last digit off
    ['1015081', false], // 7 digits
    ['101508170', false], // 9 digits
    ['01234567', false], // leading zero
    ['1015O817', false], // letter O
    ['', false],
  ])('%s is valid: %s', (cvr, valid) => {
    expect(isValidCvr(cvr)).toBe(valid);
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
