import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** The committed schema: the contract clients rely on, so the suites are driven from it. */
export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'));
}

export interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export function operations(schema: GraphQLSchema): Operation[] {
  const list = (kind: Operation['kind'], type: ReturnType<GraphQLSchema['getQueryType']>) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ kind, name: field.name, field }));
  return [...list('query', schema.getQueryType()), ...list('mutation', schema.getMutationType())];
}

/**
 * The document for an operation: every argument passed as a variable of its declared type, and the
 * smallest selection (`__typename`), so the resolver runs but no field-level rule interferes.
 */
export function documentFor(op: Operation): string {
  const vars = op.field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(op.field.type)) ? '' : ' { __typename }';
  return `${op.kind}${vars ? `(${vars})` : ''} { ${op.name}${args ? `(${args})` : ''}${selection} }`;
}

export type PathPart = string | number;

/** One place in an operation's variables that a case can change, with its GraphQL type. */
export interface Target {
  path: PathPart[];
  type: GraphQLInputType;
  /** The field or argument name (for lists, the list's). */
  name: string;
  /** Name of the input type that holds it, or 'args' for an argument. */
  parent: string;
  hasDefault: boolean;
}

/** Every argument, input field and first list element of an operation, down to `maxDepth`. */
export function targets(op: Operation, maxDepth = 4): Target[] {
  const found: Target[] = [];
  const visit = (
    path: PathPart[],
    type: GraphQLInputType,
    name: string,
    parent: string,
    hasDefault: boolean,
    depth: number,
  ): void => {
    found.push({ path, type, name, parent, hasDefault });
    if (depth >= maxDepth) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      visit([...path, 0], inner.ofType, name, parent, false, depth + 1);
    } else if (isInputObjectType(inner)) {
      for (const f of Object.values(inner.getFields())) {
        visit(
          [...path, f.name],
          f.type,
          f.name,
          inner.name,
          f.defaultValue !== undefined,
          depth + 1,
        );
      }
    }
  };
  for (const arg of op.field.args) {
    visit([arg.name], arg.type, arg.name, 'args', arg.defaultValue !== undefined, 0);
  }
  return found;
}

/** Where an ID sits in an operation's variables, as `input.citizenId` or `milestones[].id`. */
export function pathKey(path: PathPart[]): string {
  return path
    .map((p) => (typeof p === 'number' ? '[]' : p))
    .join('.')
    .replace(/\.\[\]/g, '[]');
}

export function idTargets(op: Operation): Target[] {
  return targets(op).filter((t) => {
    const inner = isNonNullType(t.type) ? t.type.ofType : t.type;
    return isScalarType(inner) && inner.name === 'ID';
  });
}

export const unwrap = (type: GraphQLInputType): GraphQLInputType =>
  isNonNullType(type) ? type.ofType : type;

export {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
};
