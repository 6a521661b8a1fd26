import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/workflow';

import { payloadEncryptionCodec } from './payload-encryption.codec';

/** Owns the connection to the Temporal frontend (payloads encrypted); connects lazily and closes on shutdown. */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientService.name);
  readonly connection: Connection;
  readonly client: Client;

  constructor(config: ConfigService) {
    this.connection = Connection.lazy({ address: config.getOrThrow<string>('TEMPORAL_ADDRESS') });
    this.client = new Client({
      connection: this.connection,
      namespace: config.getOrThrow<string>('TEMPORAL_NAMESPACE'),
      dataConverter: {
        payloadCodecs: [
          payloadEncryptionCodec(config.getOrThrow<string>('TEMPORAL_PAYLOAD_KEYS'), config.get<string>('NODE_ENV')),
        ],
      },
    });
  }

  /** Throws when the frontend does not answer within `timeoutMs`. */
  async ping(timeoutMs = 2000): Promise<void> {
    await this.connection.ensureConnected();
    await this.connection.withDeadline(Date.now() + timeoutMs, () => this.connection.workflowService.getSystemInfo({}));
  }

  /**
   * Sends `signal` to a workflow that is still running; answers false, sending nothing, when it has ended (or never
   * ran). Any other failure is thrown.
   */
  async signalIfRunning<Args extends unknown[]>(
    workflowId: string,
    signal: SignalDefinition<Args>,
    ...args: Args
  ): Promise<boolean> {
    try {
      await this.client.workflow.getHandle(workflowId).signal(signal, ...args);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        return false;
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.connection.close();
    } catch (error) {
      this.logger.warn({ err: error }, 'closing the Temporal connection failed');
    }
  }
}
