import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { ApplicationCounter } from './applications/application-counter.entity';
import { Application } from './applications/application.entity';
import { ChainNotice } from './approval-chain/chain-notice.entity';
import { Attachment } from './attachments/attachment.entity';
import { Division } from './divisions/division.entity';
import { HouseholdChange } from './households/household-change.entity';
import { HouseholdMember } from './households/household-member.entity';
import { Household } from './households/household.entity';
import { Person } from './households/person.entity';
import { migrationList } from './migrations/migration-list';

export const intakeOrmSettings: ServiceOrmSettings = {
  schema: 'intake',
  entities: [
    Person,
    Household,
    HouseholdMember,
    HouseholdChange,
    Application,
    ApplicationCounter,
    Division,
    Attachment,
    ChainNotice,
  ],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- intake <name>`). */
export default serviceOrmConfig(intakeOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
