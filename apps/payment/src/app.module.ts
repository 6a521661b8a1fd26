import { Module } from '@nestjs/common';

import { ServicePlatformModule } from '@app/platform';

import { BanksModule } from './banks/banks.module';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { LinesModule } from './lines/lines.module';
import { paymentOrmSettings } from './mikro-orm.config';
import { PaymentEnv } from './payment.env';
import { PayrollModule } from './payroll/payroll.module';
import { RecoveriesModule } from './recoveries/recoveries.module';
import { RostersModule } from './rosters/rosters.module';

/** The payment service: enrolments, the monthly payroll, the bank-facing API and reconciliation. */
@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'payment', env: PaymentEnv, orm: paymentOrmSettings }),
    BanksModule,
    EnrolmentsModule,
    PayrollModule,
    LinesModule,
    RecoveriesModule,
    RostersModule,
  ],
})
export class AppModule {}
