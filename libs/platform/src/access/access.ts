import { type Caller, ErrorCode, type Permission, rolesAllow, SYSTEM_CALLER_ID } from '@app/contracts';
import { divisionWithin } from '@app/domain';

import { currentCaller } from '../context/request-context';
import { DomainError } from '../errors/domain-error';

export class AccessError extends DomainError {
  static unauthenticated(): AccessError {
    return new AccessError(
      ErrorCode.UNAUTHENTICATED,
      'no caller identity on the request',
      '未登录或登录已失效，请重新登录',
    );
  }

  static wrongRole(permission: Permission): AccessError {
    return new AccessError(ErrorCode.FORBIDDEN, `caller lacks ${permission}`, '您的角色无权执行此操作');
  }

  /** Same answer for "out of your division" and "does not exist": never reveal which. */
  static notVisible(): AccessError {
    return new AccessError(
      ErrorCode.FORBIDDEN,
      "record out of the caller's scope or missing",
      '无权访问该记录或记录不存在',
    );
  }

  /** For system callers only: staff get notVisible() for missing records too. */
  static missing(): AccessError {
    return new AccessError(ErrorCode.NOT_FOUND, 'record not found', '记录不存在');
  }

  static outOfDivision(divisionCode: string): AccessError {
    return new AccessError(
      ErrorCode.FORBIDDEN,
      `division ${divisionCode} outside the caller's scope`,
      '所选行政区划不在您的管辖范围内',
      [{ field: 'divisionCode', messages: ['所选行政区划不在您的管辖范围内'] }],
    );
  }
}

export function isSystemCaller(caller: Caller): boolean {
  return caller.userId === SYSTEM_CALLER_ID;
}

/** The caller of the current request; throws UNAUTHENTICATED when the message carried none. */
export function requireCaller(): Caller {
  const caller = currentCaller();
  if (!caller) {
    throw AccessError.unauthenticated();
  }
  return caller;
}

/** True when the caller may see records of `divisionCode` (their division or below; system: everything). */
export function inScope(caller: Caller, divisionCode: string): boolean {
  return isSystemCaller(caller) || divisionWithin(divisionCode, caller.divisionCode);
}

/**
 * The area a list is limited to: the caller's own, or one part of it they asked for (an area above theirs asked
 * for gives their own). An area outside theirs is refused (403, field `divisionCode`).
 */
export function areaOf(caller: Caller, asked: string | undefined): string {
  if (asked === undefined || caller.divisionCode.startsWith(asked)) {
    return caller.divisionCode;
  }
  if (inScope(caller, asked)) {
    return asked;
  }
  throw AccessError.outOfDivision(asked);
}

/** Throws FORBIDDEN unless the caller's roles allow `permission` (system callers always may). */
export function assertPermission(caller: Caller, permission: Permission): void {
  if (!isSystemCaller(caller) && !rolesAllow(caller.roles, permission)) {
    throw AccessError.wrongRole(permission);
  }
}

/** Throws FORBIDDEN unless the caller's roles allow at least one of `permissions`. */
export function assertAnyPermission(caller: Caller, permissions: readonly Permission[]): void {
  if (!isSystemCaller(caller) && !permissions.some((permission) => rolesAllow(caller.roles, permission))) {
    throw AccessError.wrongRole(permissions[0]);
  }
}

/**
 * Throws FORBIDDEN unless the record exists and lies in the caller's scope. Use for reads by id, so a caller
 * cannot tell an out-of-scope record from a missing one.
 */
export function assertVisible(caller: Caller, divisionCode: string | undefined): void {
  if (divisionCode === undefined && isSystemCaller(caller)) {
    throw AccessError.missing();
  }
  if (divisionCode === undefined || !inScope(caller, divisionCode)) {
    throw AccessError.notVisible();
  }
}
