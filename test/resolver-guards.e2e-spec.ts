import { PUBLIC_KEY, ROLES_KEY } from '@jobbro/core';
import { createTestApp, type TestApp } from '@jobbro/testing';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';

const OPERATION_TYPES = ['Query', 'Mutation', 'Subscription'];

interface Operation {
  name: string;
  isPublic: boolean;
  hasRoles: boolean;
}

/** Every GraphQL query and mutation handler in the running application. */
function operations(t: TestApp): Operation[] {
  const scanner = new MetadataScanner();
  const found: Operation[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        const type = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
        if (!type || !OPERATION_TYPES.includes(type)) continue;
        const marked = (key: string): boolean =>
          Reflect.getMetadata(key, handler) !== undefined ||
          Reflect.getMetadata(key, instance.constructor) !== undefined;
        found.push({
          name: `${instance.constructor.name}.${method}`,
          isPublic: marked(PUBLIC_KEY),
          hasRoles: marked(ROLES_KEY),
        });
      }
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every GraphQL query and mutation says who may call it: @Public() or @Roles(...). The guard refuses the rest. */
describe('resolver guards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds no operation without @Public or @Roles', () => {
    const all = operations(t);
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((o) => !o.isPublic && !o.hasRoles).map((o) => o.name)).toEqual([]);
  });

  it('keeps the public operations to the sign-in ones', () => {
    expect(
      operations(t)
        .filter((o) => o.isPublic)
        .map((o) => o.name),
    ).toEqual([
      'AuthResolver.confirmEmployerSignUp',
      'AuthResolver.login',
      'AuthResolver.logout',
      'AuthResolver.refreshToken',
      'AuthResolver.signUpEmployer',
      'PeopleResolver.acceptInvitation',
      'PeopleResolver.redeemMagicLink',
      'PeopleResolver.requestMagicLink',
    ]);
  });
});
