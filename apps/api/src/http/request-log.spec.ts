import { loggablePath, pathOf, requestLogOptions } from './request-log';

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

  it.each([
    ['/x/090792-0532', '/x/:value'],
    ['/users/borger@kk.jobbro.dk?x=1', '/users/:value'],
    [
      '/citizens/0b9a3c1e-52f4-4f36-9a7e-2d1f0f6f1a11/plan.pdf',
      '/citizens/0b9a3c1e-52f4-4f36-9a7e-2d1f0f6f1a11/plan.pdf',
    ],
    ['/health/ready', '/health/ready'],
  ])('logs %s as %s: only route words and ids of a path', (url, path) => {
    expect(loggablePath(url)).toBe(path);
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
