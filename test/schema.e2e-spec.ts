import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@jobbro/core';
import { createTestApp, type TestApp } from '@jobbro/testing';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

const FILE = join(projectRoot(), 'schema.graphql');
const HEADER =
  '# Generated from the code by test/schema.e2e-spec.ts. Update: npm run schema:print\n\n';

/** The committed schema.graphql is the API contract; it must match the code. */
describe('GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the committed schema.graphql', () => {
    const current =
      HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, current);
    const committed = readFileSync(FILE, 'utf8');
    // On failure: run `npm run schema:print`, review the diff and commit it.
    expect(committed).toBe(current);
  });
});
