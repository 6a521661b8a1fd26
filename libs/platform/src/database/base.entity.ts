import { randomUUID } from 'node:crypto';

import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** id, createdAt, updatedAt for every entity. Listed in each ORM config, never in forFeature. */
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
