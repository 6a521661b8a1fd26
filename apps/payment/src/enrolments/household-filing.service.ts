import { Injectable } from '@nestjs/common';

import { type DocumentReply, type FormDocumentType, type StepForm, SUBJECTS } from '@app/contracts';
import { sha256Hex } from '@app/domain';
import { MessagingClient, runAsCaller, SYSTEM_CALLER } from '@app/platform';

import type { Enrolment } from './enrolment.entity';
import { PaymentError } from '../payment.errors';

/**
 * Files the county's records on a running benefit (decisions, periodic reviews) into the household file, under the
 * application the benefit came from. Filing is the system's act; the form names the staff member.
 */
@Injectable()
export class HouseholdFilingService {
  constructor(private readonly messaging: MessagingClient) {}

  /**
   * The enrolment's application, else the household's latest confirmed one (an enrolment made by hand). None:
   * refused, for the record would belong to no approval in the household file.
   */
  async applicationOf(enrolment: Enrolment): Promise<string> {
    if (enrolment.applicationId) {
      return enrolment.applicationId;
    }
    const found = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.intake.applicationList, {
        householdId: enrolment.householdId,
        status: 'APPROVED',
        limit: 1,
      }),
    );
    if (!found.items[0]) {
      throw PaymentError.noApprovedApplication();
    }
    return found.items[0].id;
  }

  /** Files `form`; the same `requestKey` again returns the first filing (a retried request). */
  file(
    enrolment: Enrolment,
    record: {
      applicationId: string;
      documentType: FormDocumentType;
      /** The record's step in the file: e.g. `benefit-change:amount:2031-03`. */
      step: string;
      /** The staff request's idempotency key. */
      requestKey: string;
      createdBy: string;
      form: StepForm;
    },
  ): Promise<DocumentReply> {
    return runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.archive.documentFile, {
        idempotencyKey: `enrolment-record:${sha256Hex(`${enrolment.id}:${record.documentType}:${record.requestKey}`)}`,
        firstFilingStands: true,
        householdId: enrolment.householdId,
        divisionCode: enrolment.divisionCode,
        applicationId: record.applicationId,
        workflowId: `enrolment-${enrolment.id}`,
        step: record.step,
        documentType: record.documentType,
        createdBy: record.createdBy,
        form: record.form,
      }),
    );
  }
}
