import { ApiProperty, type ApiPropertyOptions, DECORATORS } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** class-validator keeps its rules per class in a private map; read here only to describe them. */
type ContractClass = abstract new (...args: never[]) => unknown;
type RuleStorage = { validationMetadatas: Map<ContractClass | string, ValidationMetadata[]> };

/**
 * Gives every property that a contract class validates, and that has no `@ApiProperty` of its own, the OpenAPI
 * description its rules imply: required unless optional, its type (nested classes included), allowed values,
 * bounds, lengths and patterns. The contracts carry no Swagger decorators and no Swagger CLI plugin runs in this
 * build, so without this the request bodies and query parameters of the OpenAPI document would be empty. Runs once,
 * before the document is made.
 */
export function describeValidatedProperties(): void {
  const storage = getMetadataStorage() as unknown as RuleStorage;
  for (const [target, rules] of storage.validationMetadatas) {
    if (typeof target !== 'function') {
      continue;
    }
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of rules) {
      byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    }
    for (const [property, own] of byProperty) {
      if (!Reflect.hasOwnMetadata(DECORATORS.API_MODEL_PROPERTIES, target.prototype as object, property)) {
        ApiProperty(propertyOf(target, property, own))(target.prototype as object, property);
      }
    }
  }
  inheritDescribedProperties([...storage.validationMetadatas.keys()]);
}

/**
 * A subclass with a Swagger decorator of its own (a gateway DTO adding a field to a contract) got its own list of
 * described properties when its class was defined, before its parents' were described above: it is given theirs,
 * parents first, so a query or body shows every field it accepts.
 */
function inheritDescribedProperties(targets: Array<ContractClass | string>): void {
  const depth = (target: ContractClass) => {
    let n = 0;
    for (let p: unknown = Object.getPrototypeOf(target); p && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
      n += 1;
    }
    return n;
  };
  const classes = targets.filter((target): target is ContractClass => typeof target === 'function');
  for (const target of classes.sort((a, b) => depth(a) - depth(b))) {
    const prototype = target.prototype as object;
    const own = Reflect.getOwnMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) as string[] | undefined;
    const inherited = Reflect.getMetadata(
      DECORATORS.API_MODEL_PROPERTIES_ARRAY,
      Object.getPrototypeOf(prototype) as object,
    ) as string[] | undefined;
    if (own && inherited?.length) {
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, [...new Set([...inherited, ...own])], prototype);
    }
  }
}

/** What the rules of one property say about it, as OpenAPI. */
export function propertyOf(target: ContractClass, property: string, rules: ValidationMetadata[]): ApiPropertyOptions {
  const rule = (name: string) => rules.find((r) => r.type === ValidationTypes.CUSTOM_VALIDATION && r.name === name);
  const declared = Reflect.getMetadata('design:type', target.prototype as object, property) as unknown;
  const nested = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction?.() as unknown;
  const isArray = declared === Array || rules.some((r) => r.each === true);
  const allowed = rule('isIn')?.constraints?.[0] as unknown[] | undefined;
  const pattern = rule('matches')?.constraints?.[0] as RegExp | undefined;
  const options: Record<string, unknown> = {
    required: !rules.some((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION),
    isArray,
    type: typeOf(rule, nested, declared),
  };
  if (allowed) {
    options.enum = allowed;
  }
  if (pattern instanceof RegExp) {
    options.pattern = pattern.source;
  }
  if (rule('isUuid')) {
    options.format = 'uuid';
  }
  if (rule('isCalendarDate') || rule('isDateString') || rule('isISO8601')) {
    options.format = 'date';
  }
  const bound = (name: string) => rule(name)?.constraints?.[0] as number | undefined;
  for (const [name, key] of [
    ['min', 'minimum'],
    ['max', 'maximum'],
    ['minLength', 'minLength'],
    ['maxLength', 'maxLength'],
    ['arrayMinSize', 'minItems'],
    ['arrayMaxSize', 'maxItems'],
  ] as const) {
    if (typeof bound(name) === 'number') {
      options[key] = bound(name);
    }
  }
  return options;
}

function typeOf(
  rule: (name: string) => ValidationMetadata | undefined,
  nested: unknown,
  declared: unknown,
): ApiPropertyOptions['type'] {
  if (typeof nested === 'function' && nested !== Number && nested !== String && nested !== Boolean) {
    return nested as ApiPropertyOptions['type'];
  }
  if (rule('isInt')) {
    return 'integer';
  }
  if (rule('isNumber') || nested === Number || declared === Number) {
    return 'number';
  }
  if (rule('isBoolean') || declared === Boolean) {
    return 'boolean';
  }
  if (rule('isObject') || (declared === Object && !rule('isString'))) {
    return 'object';
  }
  return 'string';
}
