export * from './mail';
export * from './mail.outbox';
export { mailDestination, mailFolder, publicBaseUrl } from './mail.sender';
export * from './notifications.module';
export { unseal } from './sealed';
export { type MailTemplate, type MailTemplateSource, plainValue } from './template-engine';
export { renderMail, TEMPLATES } from './templates';
