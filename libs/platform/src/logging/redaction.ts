import { maskIdNumber } from '@app/domain';

/** Log paths that never reach a log line in clear: ID numbers, names, secrets. */
export const redactPaths = [
  'req.headers.authorization',
  '*.password',
  '*.applicantIdNumber',
  '*.idNumber',
  '*.applicantName',
  '*.data.applicantIdNumber',
  '*.data.applicantName',
];

/** Masks ID numbers inside free text before it is logged. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(/\b\d{17}[\dXx]\b/g, (match) => maskIdNumber(match));
}
