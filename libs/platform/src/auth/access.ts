import { SetMetadata, type INestApplicationContext, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Role } from './principal.js';

/** Metadata key under which @Allow stores the roles of an endpoint (or of a whole controller). */
export const ACCESS_METADATA = 'convene:access';

/**
 * Declares who may call an endpoint: `@Allow('secretariat', 'chair')`, or `@Allow('public')`
 * for no token at all. On a method it overrides the controller's declaration.
 */
export function Allow(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  if (roles.includes('public') && roles.length > 1) {
    throw new Error("@Allow('public') opens the endpoint to everyone: list no other role with it");
  }
  return SetMetadata(ACCESS_METADATA, Object.freeze([...roles]));
}

export function getDeclaredAccess(controller: Type, handler: string): readonly Role[] | undefined {
  const method = controller.prototype[handler] as object;
  return (
    (Reflect.getMetadata(ACCESS_METADATA, method) as readonly Role[] | undefined) ??
    (Reflect.getMetadata(ACCESS_METADATA, controller) as readonly Role[] | undefined)
  );
}

export interface EndpointAccess {
  controller: string;
  handler: string;
  method: string;
  /** Controller path joined with the handler path, without global prefix or version. */
  path: string;
  /** undefined: nothing declared, so the guard denies everyone. */
  access: readonly Role[] | undefined;
}

function paths(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value ?? '']).map(String);
}

/** The routes one handler serves (a controller or handler may list several paths), with its declared access. */
export function describeEndpoint(controller: Type, handler: string): EndpointAccess[] {
  const target = controller.prototype[handler] as object;
  const verb = Reflect.getMetadata(METHOD_METADATA, target) as RequestMethod | undefined;
  if (verb === undefined) return [];
  return paths(Reflect.getMetadata(PATH_METADATA, controller)).flatMap((base) =>
    paths(Reflect.getMetadata(PATH_METADATA, target)).map((sub) => ({
      controller: controller.name,
      handler,
      method: RequestMethod[verb],
      path: `/${[base, sub].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`,
      access: getDeclaredAccess(controller, handler),
    })),
  );
}

/** Every route of the application with its declared access, for endpoint x role tests. */
export function listEndpointAccess(app: INestApplicationContext): EndpointAccess[] {
  const scanner = new MetadataScanner();
  return app
    .get(DiscoveryService)
    .getControllers()
    .flatMap(({ metatype }) => {
      const controller = metatype as Type;
      return scanner.getAllMethodNames(controller.prototype).flatMap((handler) => describeEndpoint(controller, handler));
    });
}
