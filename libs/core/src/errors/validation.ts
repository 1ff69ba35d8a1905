import { type ValidationError, getMetadataStorage } from 'class-validator';
import { interpolate, type Localized } from '../i18n/language';
import { CommonException } from './common.exception';
import type { FieldProblem } from './domain.exception';

/** Field messages per class-validator constraint; `{0}` is the constraint's first argument. */
export const FIELD_MESSAGES: Record<string, Localized> = {
  maxLength: { da: 'Må højst være {0} tegn.', en: 'Must be at most {0} characters.' },
  minLength: { da: 'Skal være mindst {0} tegn.', en: 'Must be at least {0} characters.' },
  arrayMaxSize: { da: 'Højst {0} punkter.', en: 'At most {0} items.' },
  arrayMinSize: { da: 'Mindst {0} punkter.', en: 'At least {0} items.' },
  max: { da: 'Må højst være {0}.', en: 'Must be at most {0}.' },
  min: { da: 'Skal være mindst {0}.', en: 'Must be at least {0}.' },
  isEmail: { da: 'Skal være en gyldig e-mailadresse.', en: 'Must be a valid email address.' },
  isUuid: { da: 'Skal være et gyldigt id.', en: 'Must be a valid id.' },
  matches: { da: 'Har ikke det rigtige format.', en: 'Does not have the right format.' },
  isNotEmpty: { da: 'Skal udfyldes.', en: 'Is required.' },
  isInt: { da: 'Skal være et helt tal.', en: 'Must be a whole number.' },
  isPositive: { da: 'Skal være større end 0.', en: 'Must be greater than 0.' },
  isDateString: { da: 'Skal være en dato (ÅÅÅÅ-MM-DD).', en: 'Must be a date (YYYY-MM-DD).' },
  isIsoDate: {
    da: 'Skal være en gyldig dato (ÅÅÅÅ-MM-DD) fra 1900-01-01 til 2100-12-31.',
    en: 'Must be a valid date (YYYY-MM-DD) from 1900-01-01 to 2100-12-31.',
  },
  isNumber: { da: 'Skal være et tal.', en: 'Must be a number.' },
  isBoolean: { da: 'Skal være ja eller nej.', en: 'Must be true or false.' },
  isString: { da: 'Skal være tekst.', en: 'Must be text.' },
  isIn: { da: 'Er ikke en af de tilladte værdier.', en: 'Is not one of the allowed values.' },
  isEnum: { da: 'Er ikke en af de tilladte værdier.', en: 'Is not one of the allowed values.' },
  whitelistValidation: { da: 'Feltet kendes ikke.', en: 'Unknown field.' },
  isCursor: {
    da: 'Ugyldig markør; start forfra uden "after".',
    en: 'Invalid cursor; start over without "after".',
  },
};
const FALLBACK: Localized = { da: 'Er ugyldig.', en: 'Is invalid.' };

function constraintArgs(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === name);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/** Flattens class-validator's tree into `field.path` problems with Danish and English messages. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, english]) => {
      const template = FIELD_MESSAGES[constraint];
      const args = Object.fromEntries(
        constraintArgs(error.target, error.property, constraint).map((v, i) => [String(i), v]),
      );
      const message: Localized = template
        ? { da: interpolate(template.da, args), en: interpolate(template.en, args) }
        : (FIELD_MESSAGES[constraint] ??
          (constraint.startsWith('jobbro') ? { da: english, en: english } : FALLBACK));
      return { field, constraint, message };
    });
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): CommonException {
  return new CommonException('VALIDATION_FAILED', {}, fieldProblems(errors));
}

export function invalidField(
  field: string,
  constraint: string,
  message: Localized,
): CommonException {
  return new CommonException('VALIDATION_FAILED', {}, [{ field, constraint, message }]);
}
