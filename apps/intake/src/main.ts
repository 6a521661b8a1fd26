import 'reflect-metadata';

import { QUEUE_GROUPS } from '@app/contracts';
import { bootstrapService } from '@app/platform';

import { AppModule } from './app.module';

void bootstrapService(AppModule, QUEUE_GROUPS.intake);
