const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** A CVR number: 8 digits, not starting with 0, weighted digit sum divisible by 11 (modulus 11). */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  const sum = [...cvr].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return sum % 11 === 0;
}

/** Accepts "DK 1234 5678", "12 34 56 78" and similar; returns the 8 digits or the input unchanged. */
export function normalizeCvr(input: string): string {
  const compact = input.replace(/^\s*DK/i, '').replace(/[\s-]/g, '');
  return compact;
}
