import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * CPR numbers (DDMMYY-SSSS). Since 2007 not every valid number passes modulus 11, so only the
 * format and the date are checked. The century follows from the 7th digit (CPR office rules).
 */
export function normalizeCpr(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function cprBirthDate(cpr: string): string | null {
  if (!/^\d{10}$/.test(cpr)) return null;
  const day = Number(cpr.slice(0, 2));
  const month = Number(cpr.slice(2, 4));
  const yy = Number(cpr.slice(4, 6));
  const seventh = Number(cpr[6]);
  let century: number;
  if (seventh <= 3) century = 1900;
  else if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else century = yy <= 57 ? 2000 : 1800;
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

export const isValidCpr = (cpr: string): boolean => cprBirthDate(cpr) !== null;

/** AES-256-GCM; the stored form is iv.tag.ciphertext in base64url, never the number itself. */
export function encryptCpr(cpr: string, keyHex: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv);
  const encrypted = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), encrypted].map((b) => b.toString('base64url')).join('.');
}

export function decryptCpr(stored: string, keyHex: string): string {
  const [iv, tag, data] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
