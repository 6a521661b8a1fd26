import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { AccountingRecord } from './accounting/accounting-record.entity';
import { BorrowRequest } from './borrowing/borrow-request.entity';
import { Document } from './documents/document.entity';
import { ArchiveFile } from './files/archive-file.entity';
import { BoxSequence } from './files/box-sequence.entity';
import { FixityCheck } from './fixity/fixity-check.entity';
import { FixitySweep } from './fixity/fixity-sweep.entity';
import { migrationList } from './migrations/migration-list';
import { Disposal } from './retention/disposal.entity';
import { LegalHold } from './retention/legal-hold.entity';
import { RetentionEvent } from './retention/retention-event.entity';
import { TransferPackage } from './transfer/transfer-package.entity';

export const archiveOrmSettings: ServiceOrmSettings = {
  schema: 'archive',
  entities: [
    ArchiveFile,
    BoxSequence,
    Document,
    AccountingRecord,
    FixityCheck,
    FixitySweep,
    BorrowRequest,
    RetentionEvent,
    Disposal,
    LegalHold,
    TransferPackage,
  ],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- archive`). */
export default serviceOrmConfig(archiveOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
