import {
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  coerceInputValue,
  isInputType,
  isNonNullType,
  typeFromAST,
  valueFromAST,
  visit,
} from 'graphql';
import type { FieldProblem } from '../errors/domain.exception';
import { InvalidDateError } from './date.scalar';

/**
 * NUL cannot be stored by PostgreSQL and a lone surrogate is not text at all (it breaks
 * encodeURIComponent in validators); neither has a place in any field, so both are refused at
 * the edge, before guards, pipes or resolvers see them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSAFE_PROBLEM = {
  constraint: 'safeText',
  message: {
    da: 'Indeholder et tegn, der ikke er tilladt (NUL eller ugyldig Unicode).',
    en: 'Contains a character that is not allowed (NUL or invalid Unicode).',
  },
};

export function isUnsafeText(value: string): boolean {
  return UNSAFE_TEXT.test(value);
}

/** Every string (and object key) in the variables or the document's literals that is unsafe. */
export function unsafeTextFields(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): FieldProblem[] {
  const fields = new Set<string>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (isUnsafeText(value)) fields.add(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}.${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (isUnsafeText(key)) fields.add(path);
        else walk(item, `${path}.${key}`);
      }
    }
  };
  walk(variables ?? {}, '');

  // Literals written into the query text, named by their argument and input-field path.
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: {
      enter: (node) => void names.push(node.name.value),
      leave: () => void names.pop(),
    },
    StringValue: (node) => {
      if (isUnsafeText(node.value)) fields.add(`.${names.join('.')}`);
    },
  });
  return [...fields].map((field) => ({ field: field.slice(1) || 'variables', ...UNSAFE_PROBLEM }));
}

const REQUIRED = {
  constraint: 'required',
  message: { da: 'Skal udfyldes.', en: 'Is required.' },
};
const WRONG_TYPE = {
  constraint: 'type',
  message: {
    da: 'Har ikke den rigtige type eller form.',
    en: 'Does not have the right type or shape.',
  },
};

const NOT_A_DATE = {
  constraint: 'isIsoDate',
  message: {
    da: 'Skal være en gyldig dato (ÅÅÅÅ-MM-DD) fra 1900-01-01 til 2100-12-31.',
    en: 'Must be a valid date (YYYY-MM-DD) from 1900-01-01 to 2100-12-31.',
  },
};
const UNKNOWN = {
  constraint: 'whitelistValidation',
  message: { da: 'Feltet kendes ikke.', en: 'Unknown field.' },
};

/**
 * Coerces the operation's variables as GraphQL execution would, but reports each problem as a
 * field path (`input.email`) without echoing the value (graphql's own messages quote it).
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown> | undefined,
): { values: Record<string, unknown>; problems: FieldProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  const given = inputs ?? {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) {
      problems.push({ field: name, ...WRONG_TYPE }); // validation refuses this first
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(given, name) || given[name] === undefined) {
      if (definition.defaultValue) values[name] = valueFromAST(definition.defaultValue, type);
      else if (isNonNullType(type)) problems.push({ field: name, ...REQUIRED });
      continue;
    }
    const value = given[name];
    if (value === null && isNonNullType(type)) {
      problems.push({ field: name, ...REQUIRED });
      continue;
    }
    values[name] = coerceInputValue(value, type, (path, invalid, error) => {
      // Missing and unknown input fields are reported on their object; name the field itself.
      const inner = /^Field "([_A-Za-z][_0-9A-Za-z]{0,63})" (is not defined|of required type)/.exec(
        error.message,
      );
      const field = [name, ...path, ...(inner ? [inner[1]] : [])].join('.');
      const problem =
        inner?.[2] === 'is not defined'
          ? UNKNOWN
          : inner || invalid === undefined || invalid === null
            ? REQUIRED
            : error.originalError instanceof InvalidDateError
              ? NOT_A_DATE
              : WRONG_TYPE;
      problems.push({ field, ...problem });
    });
  }
  return { values, problems };
}
