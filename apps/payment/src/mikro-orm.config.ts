import { join } from 'node:path';

import { PlatformEnv, readEnv, serviceOrmConfig, type ServiceOrmSettings } from '@app/platform';

import { BankNonce } from './banks/bank-nonce.entity';
import { Bank } from './banks/bank.entity';
import { EnrolmentChange } from './enrolments/enrolment-change.entity';
import { EnrolmentReview } from './enrolments/enrolment-review.entity';
import { EnrolmentTerm } from './enrolments/enrolment-term.entity';
import { Enrolment } from './enrolments/enrolment.entity';
import { LineEvent } from './lines/line-event.entity';
import { migrationList } from './migrations/migration-list';
import { PaymentBatch } from './payroll/payment-batch.entity';
import { PayrollChunk } from './payroll/payroll-chunk.entity';
import { PayrollLine } from './payroll/payroll-line.entity';
import { Recovery, RecoveryRepayment } from './recoveries/recovery.entity';

export const paymentOrmSettings: ServiceOrmSettings = {
  schema: 'payment',
  entities: [
    Bank,
    BankNonce,
    Enrolment,
    EnrolmentTerm,
    EnrolmentChange,
    EnrolmentReview,
    PayrollLine,
    PaymentBatch,
    PayrollChunk,
    LineEvent,
    Recovery,
    RecoveryRepayment,
  ],
  migrationsPath: join(__dirname, 'migrations'),
  migrationsPathTs: join(__dirname, 'migrations'),
  migrationList,
  // Payroll and bank statements read hundreds of thousands of rows with simple plans: compiling them (JIT) costs
  // more than it saves (40–70 ms a statement, measured on a bank post and on the month statement).
  session: { jit: 'off' },
};

/** Used by the MikroORM CLI (`npm run migration:create -- payment <name>`). */
export default serviceOrmConfig(paymentOrmSettings, readEnv(PlatformEnv).DATABASE_URL);
