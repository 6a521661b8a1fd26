import { randomInt, randomUUID } from 'node:crypto';

import type { SubmitApplicationRequest } from '@app/contracts';
import { idNumberCheckCharacter } from '@app/domain';

/** A valid 18-character ID number with address code 220102 and a random birth date and sequence. */
export function makeIdNumber(): string {
  const year = 1950 + randomInt(50);
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const day = String(1 + randomInt(28)).padStart(2, '0');
  const first17 = `220102${year}${month}${day}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

export function makeApplication(overrides: Partial<SubmitApplicationRequest> = {}): SubmitApplicationRequest {
  return {
    idempotencyKey: `test-${randomUUID()}`,
    divisionCode: '220102001001',
    applicantName: '张三',
    applicantIdNumber: makeIdNumber(),
    householdSize: 3,
    reason: '家庭主要劳动力因病丧失劳动能力',
    details: { dataCheckConsent: true },
    ...overrides,
  };
}
