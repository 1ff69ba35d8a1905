export * from './mail';
export * from './mail.outbox';
export { mailDestination, mailFolder, publicBaseUrl } from './mail.sender';
export * from './notifications.module';
export { unseal } from './sealed';
export { plainValue, renderMail } from './templates';
