import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { Appeal } from './appeals/appeal.entity';
import { CalendarYearRow, Holiday } from './calendar/holiday.entity';
import { migrationList } from './migrations/migration-list';
import { ApprovalPolicyRow } from './policies/approval-policy.entity';
import { Task } from './tasks/task.entity';

export const approvalOrmSettings: ServiceOrmSettings = {
  schema: 'approval',
  entities: [Task, Holiday, CalendarYearRow, ApprovalPolicyRow, Appeal],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
};

/** Used by the MikroORM CLI (`npm run migration:create -- approval <name>`). */
export default serviceOrmConfig(approvalOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
