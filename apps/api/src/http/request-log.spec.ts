import { pathOf, requestLogOptions } from './request-log';

describe('request log', () => {
  it.each([
    ['/graphql?query={x}&variables={"s":"090792-0532"}', '/graphql'],
    ['/health?access_token=eyJ', '/health'],
    ['/citizens/1/plan.pdf#page=2', '/citizens/1/plan.pdf'],
    ['/graphql', '/graphql'],
    [undefined, ''],
  ])('keeps only the path of %s', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });

  it('writes method, path and id of a request and the status of a response, nothing else', () => {
    const req = {
      id: 'a',
      method: 'GET',
      url: '/graphql?access_token=secret',
      headers: { authorization: 'Bearer secret' },
      query: { access_token: 'secret' },
      body: { cpr: '090792-0532' },
    };
    expect(requestLogOptions.serializers.req(req)).toEqual({
      id: 'a',
      method: 'GET',
      path: '/graphql',
    });
    expect(requestLogOptions.serializers.res({ statusCode: 200, headers: {} } as never)).toEqual({
      statusCode: 200,
    });
  });

  it('gives each request a random id', () => {
    const ids = new Set(Array.from({ length: 100 }, () => requestLogOptions.genReqId()));
    expect(ids.size).toBe(100);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
