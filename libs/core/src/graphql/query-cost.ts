import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
} from 'graphql';
import { fieldCost } from './field-costs';

/**
 * The estimated cost of one operation: each field costs its entry in FIELD_COSTS (1 by default)
 * plus what is selected below it, times its `first` argument when it has one (a page of 50 pays
 * for 50 items). Variables must already be coerced.
 *
 * Each fragment is costed once and reused, so a "fragment bomb" (fragments spreading each other
 * many times) is priced at its full, exponential size in linear time instead of being walked.
 * Abstract selections add up every branch: an over-estimate, never an under-estimate.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;

  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const fieldDef = (
    parent: GraphQLCompositeType,
    name: string,
  ): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name && parent === rootType) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name && parent === rootType) return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  const selectionCost = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const def = fieldDef(parent, selection.name.value);
        if (!def) {
          total += 1; // __typename, or a field validation has already refused
          continue;
        }
        const childType = getNamedType(def.type);
        const children =
          selection.selectionSet && isCompositeType(childType)
            ? selectionCost(childType, selection.selectionSet)
            : 0;
        total += fieldCost(parent.name, def.name) + pageSize(def, selection, variables) * children;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (type && isCompositeType(type)) total += selectionCost(type, selection.selectionSet);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments[name];
    // Unknown and cyclic fragments are refused by validation before this runs; price them out anyway.
    if (!fragment || inProgress.has(name)) return Number.POSITIVE_INFINITY;
    const type = schema.getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) return Number.POSITIVE_INFINITY;
    inProgress.add(name);
    const cost = selectionCost(type, fragment.selectionSet);
    inProgress.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  return selectionCost(rootType, operation.selectionSet);
}

/** The `first` argument of a paged field (its default when left out), else 1. */
function pageSize(
  def: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
  variables: Record<string, unknown>,
): number {
  if (!def.args.some((arg) => arg.name === 'first')) return 1;
  try {
    const first = getArgumentValues(def, node, variables).first;
    return typeof first === 'number' && first > 1 ? first : 1;
  } catch {
    return 100; // the largest page any field allows
  }
}
