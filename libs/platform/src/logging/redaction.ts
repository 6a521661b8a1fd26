import { maskPersonalDataInText } from '@app/domain';

/** Log paths that never reach a log line in clear: ID numbers, names, accounts, phones, secrets. */
export const redactPaths = [
  'req.headers.authorization',
  '*.password',
  '*.passwordHash',
  '*.refreshToken',
  '*.accessToken',
  '*.applicantIdNumber',
  '*.idNumber',
  '*.applicantName',
  '*.bankAccount',
  '*.accountNo',
  '*.phone',
  '*.data.applicantIdNumber',
  '*.data.applicantName',
];

/** pino serializer for errors: the message and stack with personal data masked (database errors quote values). */
export function maskedErrorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) {
    return error;
  }
  return {
    type: error.name,
    message: maskPersonalDataInText(error.message),
    stack: error.stack ? maskPersonalDataInText(error.stack) : undefined,
    ...('code' in error ? { code: (error as { code: unknown }).code } : {}),
  };
}
