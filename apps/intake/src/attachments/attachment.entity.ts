import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';

import type { EvidenceType } from '@app/contracts';
import { BaseEntity } from '@app/platform';

import { Application } from '../applications/application.entity';

/** Evidence attached to an application; its bytes are in the archive's blob store under `sha256`. */
@Entity({ tableName: 'application_attachment' })
@Unique({ properties: ['application', 'evidenceType', 'sha256'] })
export class Attachment extends BaseEntity {
  @ManyToOne(() => Application)
  application: Application;

  @Property({ length: 32 })
  evidenceType: EvidenceType;

  @Property({ length: 64 })
  sha256: string;

  @Property({ type: 'bigint' })
  sizeBytes: number;

  @Property({ length: 40 })
  mediaType: string;

  @Property({ length: 200 })
  originalName: string;

  @Property({ length: 64 })
  uploadedBy: string;

  /** Its item in the household file when filed at upload (an application already accepted). */
  @Property({ type: 'uuid', nullable: true })
  documentId?: string;
}
