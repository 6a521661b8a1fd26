import { Entity, Index, Property } from '@mikro-orm/core';

import { BaseEntity } from '@app/platform';

/**
 * The audit trail of standards and policies: every new version and every closing of one, with who, why and
 * the row before and after. Append-only (a database trigger refuses updates and deletes).
 */
@Entity({ tableName: 'rule_change' })
@Index({ properties: ['divisionCode', 'createdAt'] })
export class RuleChange extends BaseEntity {
  @Property({ length: 16 })
  kind: 'STANDARD' | 'POLICY';

  @Property({ length: 16 })
  action: 'CREATE' | 'CLOSE';

  @Property({ type: 'uuid' })
  versionId: string;

  @Property({ length: 6 })
  divisionCode: string;

  @Property({ length: 64 })
  actorId: string;

  @Property({ length: 100 })
  actorName: string;

  @Property({ length: 300 })
  reason: string;

  @Property({ type: 'json', nullable: true })
  before: unknown;

  @Property({ type: 'json' })
  after: unknown;
}
