import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-level memory and time cost). */
export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

// Verifying against this when the user does not exist keeps response times alike, so sign-in
// does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export const dummyVerify = async (password: string): Promise<void> => {
  dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
  await verifyPassword(await dummyHash, password);
};

/** A random single-use token (refresh token, sign-up link): 256 bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** How such tokens are stored: a plain SHA-256 suffices for 256 random bits (no guessing). */
export const tokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
