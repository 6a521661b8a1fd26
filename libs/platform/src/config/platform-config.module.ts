import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';

import { validateEnv } from './env';

/** ConfigModule for one process, validating the environment against that process's env class at boot. */
@Module({})
export class PlatformConfigModule {
  static forRoot<T extends object>(envClass: new () => T): DynamicModule {
    return {
      module: PlatformConfigModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: validateEnv(envClass) }),
      ],
    };
  }
}
