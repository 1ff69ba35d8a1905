import type supertest from 'supertest';

export interface GraphqlError {
  message: string;
  path?: string[];
  extensions: {
    code: string;
    reason?: string;
    fields?: { field: string; constraint: string; message: string }[];
  };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GraphqlError[];
}

/** Posts one GraphQL operation, as a browser would. */
export async function graphql<T = Record<string, unknown>>(
  agent: supertest.Agent,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; language?: string } = {},
): Promise<GraphqlResponse<T>> {
  let request = agent.post('/graphql').set('content-type', 'application/json');
  if (options.token) request = request.set('authorization', `Bearer ${options.token}`);
  if (options.language) request = request.set('accept-language', options.language);
  const res = await request.send({ query, variables });
  const body = res.body as { data?: T | null; errors?: GraphqlError[] };
  return { status: res.status, data: body.data ?? null, errors: body.errors };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`Expected success, got: ${JSON.stringify(response.errors ?? response)}`);
  }
  return response.data;
}

/** The first error of a response that must have failed. */
export function failure(response: GraphqlResponse<unknown>): GraphqlError {
  const error = response.errors?.[0];
  if (!error) throw new Error(`Expected an error, got data: ${JSON.stringify(response.data)}`);
  return error;
}
