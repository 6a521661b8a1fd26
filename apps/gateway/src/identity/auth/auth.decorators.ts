import { SetMetadata } from '@nestjs/common';

import type { Permission } from '@app/contracts';

export const PUBLIC_ROUTE = 'dibao:public';
export const REQUIRED_PERMISSION = 'dibao:permission';

/** The route needs no access token (login, refresh, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The caller's roles must allow `permission`; the service holding the data checks it again with the scope. */
export const RequirePermission = (permission: Permission): MethodDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);
