import { ParseUUIDPipe } from '@nestjs/common';
import { invalidField } from '../errors/validation';

/** Validates an `id` argument, with the same field error as any other invalid input. */
export const uuidArg = new ParseUUIDPipe({
  exceptionFactory: () =>
    invalidField('id', 'isUuid', { da: 'Skal være et gyldigt id.', en: 'Must be a valid id.' }),
});
