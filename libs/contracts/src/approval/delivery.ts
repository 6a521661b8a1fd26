/* Plain constants (no validators): the approval chain's workflow code imports them. */

/**
 * What a task asks of staff: a decision on the application, or serving its refusal or termination notice (送达,
 * 2021 rules Art. 21: through the township within the policy's working days) and recording how.
 */
export const TASK_PURPOSES = ['DECISION', 'DELIVERY'] as const;
export type TaskPurpose = (typeof TASK_PURPOSES)[number];

/** How a notice was served (送达方式), as a proof of delivery (送达回证) records it. */
export const DELIVERY_METHODS = ['IN_PERSON', 'LEFT_AT_RESIDENCE', 'BY_POST', 'ELECTRONIC'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  IN_PERSON: '直接送达',
  LEFT_AT_RESIDENCE: '留置送达',
  BY_POST: '邮寄送达',
  ELECTRONIC: '电子送达',
};
