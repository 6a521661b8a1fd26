import { type DynamicModule, Module } from '@nestjs/common';

import { startProcessMetrics } from './metrics';
import { MetricsServer } from './metrics.server';

/** The process's metrics, labelled with its name and served on METRICS_PORT (see MetricsServer). */
@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    startProcessMetrics(service);
    return { module: MetricsModule, providers: [MetricsServer], exports: [MetricsServer] };
  }
}
