import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, type GraphQLObjectType, Kind, parse } from 'graphql';
import { projectRoot } from '../project-root';
import { FIELD_COSTS } from './field-costs';
import { operationCost } from './query-cost';
import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';

const schema = buildSchema(readFileSync(resolve(projectRoot(), 'schema.graphql'), 'utf8'));
const rootFields = (type: GraphQLObjectType | null | undefined): string[] =>
  Object.keys(type?.getFields() ?? {}).map((field) => `${type?.name}.${field}`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  if (!operation) throw new Error('no operation');
  return operationCost(schema, operation, fragments, variables);
}

describe('field costs', () => {
  const operations = [
    ...rootFields(schema.getQueryType()),
    ...rootFields(schema.getMutationType()),
  ];

  it.each(operations)('%s has a cost of its own', (operation) => {
    expect(FIELD_COSTS[operation]).toBeGreaterThanOrEqual(1);
  });

  it('lists no operation the schema does not have', () => {
    const stale = Object.keys(FIELD_COSTS).filter(
      (key) => /^(Query|Mutation)\./.test(key) && !operations.includes(key),
    );
    expect(stale).toEqual([]);
  });

  it('prices a search far above a field read, and a page by its size', () => {
    expect(cost('{ me { id } }')).toBe(2);
    expect(cost('{ occupations(search: "lager", first: 50) { id label } }')).toBe(50 + 50 * 2);
    expect(cost('{ occupations(search: "lager") { id } }')).toBe(50 + 10);
    expect(cost('query($n: Int!) { occupations(search: "x", first: $n) { id } }', { n: 40 })).toBe(
      90,
    );
    expect(cost('{ searchPlacements { totalCount } }')).toBeGreaterThanOrEqual(200);
  });

  it('prices a fragment bomb at its full size without walking it', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`,
    ).join('\n');
    const started = Date.now();
    const total = cost(`{ ...F${levels} }\nfragment F0 on Query { me { id } }\n${fragments}`);
    expect(total).toBe(2 * 2 ** levels);
    // Not a benchmark: priced naively, 2^41 spreads would never finish.
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
