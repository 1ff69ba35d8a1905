import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null: null would mean "clear it", which a required
 * column cannot be. (class-validator's IsOptional lets null through.)
 */
export const OmittableNotNull = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined);
