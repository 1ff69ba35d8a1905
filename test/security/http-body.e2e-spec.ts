import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '@jobbro/testing';

interface Refusal {
  errors: { message: string; extensions: { code: string; reason: string } }[];
}

/**
 * Ordinary client mistakes with the body (too large, not JSON, another charset, compressed,
 * malformed) answer 4xx in GraphQL's error shape, never 500, and never echo the body.
 */
describe('request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (contentType: string, body: string | Buffer) =>
    t.http().post('/graphql').set('content-type', contentType).send(body);
  const typename = JSON.stringify({ query: '{ __typename }' });

  it('accepts a JSON body as large as the largest real request', async () => {
    // ~200 kB: more than updatePlan at its validation limits with three-byte characters.
    const body = JSON.stringify({
      query: 'query($s: String!) { __type(name: $s) { name } }',
      variables: { s: 'æ'.repeat(100_000) },
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(200_000);
    const res = await post('application/json', body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __type: null } });
  });

  it('answers 413 PAYLOAD_TOO_LARGE above BODY_LIMIT, in Danish by default', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { s: 'x'.repeat(300_000) } });
    const res = await post('application/json', body);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      errors: [
        {
          message: 'Forespørgslen er for stor (højst 256 kB).',
          extensions: { code: 'PAYLOAD_TOO_LARGE', reason: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('answers in English when asked', async () => {
    const res = await post('application/json', 'x'.repeat(300_000)).set('accept-language', 'en');
    expect(res.status).toBe(413);
    expect((res.body as Refusal).errors[0].message).toBe(
      'The request is too large (at most 256 kB).',
    );
  });

  it.each([
    ['application/json; charset=latin1', typename],
    ['application/json; charset=iso-8859-1', typename],
    ['text/plain', typename],
    ['application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
    ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
  ])('answers 415 UNSUPPORTED_MEDIA_TYPE to %s', async (contentType, body) => {
    const res = await post(contentType, body);
    expect(res.status).toBe(415);
    expect((res.body as Refusal).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((res.body as Refusal).errors[0].message).toBe(
      'Send forespørgslen som JSON i UTF-8 uden komprimering.',
    );
  });

  it.each([
    ['gzip', gzipSync(typename)],
    ['br', Buffer.from(typename)],
    ['bogus', Buffer.from(typename)],
  ])('answers 415 to content-encoding %s', async (encoding, body) => {
    const res = await post('application/json', body).set('content-encoding', encoding);
    expect(res.status).toBe(415);
    expect((res.body as Refusal).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each(['{"query": "{ __typename }"', '"090792-0532"', '{"query": 090792}', '\u0000'])(
    'answers 400 BAD_USER_INPUT to malformed JSON %j, without echoing it',
    async (body) => {
      const res = await post('application/json', body);
      expect(res.status).toBe(400);
      expect((res.body as Refusal).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.text).not.toContain('090792');
    },
  );

  it('applies a configured BODY_LIMIT', async () => {
    const small = await createTestApp({ BODY_LIMIT: '2048' });
    try {
      const body = JSON.stringify({ query: '{ __typename }', variables: { s: 'x'.repeat(3000) } });
      const res = await small
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(413);
      expect((res.body as Refusal).errors[0].message).toBe(
        'Forespørgslen er for stor (højst 2 kB).',
      );
      const fits = await small
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send(typename);
      expect(fits.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
