import { Injectable } from '@nestjs/common';

import { ErrorCode, SUBJECTS } from '@app/contracts';
import { MessagingClient, RemoteError } from '@app/platform';

import { RuleVersionError } from './rule-version.errors';

const MAX_REMEMBERED = 10_000;

/**
 * Asks the registry (intake) whether a division code exists. Codes that exist are remembered: a division is
 * never deleted, only superseded, so a positive answer stays true.
 */
@Injectable()
export class KnownDivisions {
  private readonly known = new Set<string>();

  constructor(private readonly messaging: MessagingClient) {}

  async assertExists(code: string): Promise<void> {
    if (this.known.has(code)) {
      return;
    }
    try {
      await this.messaging.request(SUBJECTS.intake.divisionGet, { code });
    } catch (error) {
      if (error instanceof RemoteError && error.code === ErrorCode.NOT_FOUND) {
        throw RuleVersionError.unknownDivision(code);
      }
      throw error;
    }
    if (this.known.size >= MAX_REMEMBERED) {
      this.known.clear();
    }
    this.known.add(code);
  }
}
