import { OmitType } from '@nestjs/swagger';

import { NotifyMissingMaterialsRequest } from '@app/contracts';

/** The one-time notice of missing materials: the list (and how to bring them); the key comes from the header. */
export class MaterialsNoticeDto extends OmitType(NotifyMissingMaterialsRequest, [
  'applicationId',
  'idempotencyKey',
] as const) {}
