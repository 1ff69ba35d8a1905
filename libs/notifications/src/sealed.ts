import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Outbox rows are kept and may be logged, and a mail request holds an address, a name and
 * sometimes a single-use link. So the request is stored sealed (AES-256-GCM) under a key derived
 * from the at-rest key (CPR_ENCRYPTION_KEY) for this purpose only: the row shows the kind of
 * message, and the link's token is nowhere in clear but in the mail itself.
 */
function mailKey(atRestKeyHex: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(atRestKeyHex, 'hex'), Buffer.alloc(0), 'jobbro:outbox-mail', 32),
  );
}

export function seal(atRestKeyHex: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', mailKey(atRestKeyHex), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal<T>(atRestKeyHex: string, sealed: string): T {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', mailKey(atRestKeyHex), iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
}
