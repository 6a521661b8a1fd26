import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';

import { maskedErrorSerializer, redactPaths } from './redaction';
import { CORRELATION_HEADER, currentCorrelationId } from '../context/request-context';

/** JSON logs (pino) with the service name and the correlation id of the current request on every line. */
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            pinoHttp: {
              level: config.get<string>('LOG_LEVEL', 'info'),
              base: { service },
              redact: { paths: redactPaths, censor: '[已屏蔽]' },
              mixin: () => {
                const correlationId = currentCorrelationId();
                return correlationId ? { correlationId } : {};
              },
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers[CORRELATION_HEADER];
                const id = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
                res.setHeader(CORRELATION_HEADER, id);
                return id;
              },
              customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id: string }).id }),
              serializers: {
                err: maskedErrorSerializer,
                req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
          }),
        }),
      ],
    };
  }
}
