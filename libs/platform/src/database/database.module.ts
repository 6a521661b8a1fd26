import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

import { serviceOrmConfig, type ServiceOrmSettings } from './orm-config';

/** MikroORM for one service, on its own schema. Migrations are not run here (see deploy/local/migrate). */
@Module({})
export class DatabaseModule {
  static forService(settings: ServiceOrmSettings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRootAsync({
          driver: PostgreSqlDriver,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => serviceOrmConfig(settings, config.getOrThrow<string>('DATABASE_URL')),
        }),
      ],
    };
  }
}
