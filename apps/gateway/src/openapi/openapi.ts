import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { describeValidatedProperties } from './validated-properties';

/**
 * Staff API: UI at /api/docs, JSON at /api/docs-json. Banks get their own document with only /bank/v1 at
 * /bank/docs (JSON: /bank/docs-json); signing is explained in docs/bank-integration.md.
 */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('dibao API')
    .setDescription(
      'Back office for the Minimum Living Security programme (最低生活保障). Errors: { statusCode, code, message, details[] }.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  describeValidatedProperties();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, staffDocument(document), { jsonDocumentUrl: 'api/docs-json' });
  SwaggerModule.setup('bank/docs', app, bankDocument(document), { jsonDocumentUrl: 'bank/docs-json' });
}

const isBankPath = (path: string) => path.startsWith('/bank/');

function staffDocument(document: OpenAPIObject): OpenAPIObject {
  return {
    ...document,
    paths: Object.fromEntries(Object.entries(document.paths).filter(([path]) => !isBankPath(path))),
  };
}

function bankDocument(document: OpenAPIObject): OpenAPIObject {
  return {
    ...document,
    info: {
      title: 'dibao bank API',
      version: '1',
      description:
        'For payment banks: pull batches of monthly dibao payments, acknowledge them, post per-line results, fetch the reconciliation statement. Every request carries X-Bank-Code, X-Timestamp (ms), X-Nonce and X-Signature = hex HMAC-SHA256(secret, METHOD\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nhex SHA-256(body)). Requests more than 5 minutes off or with a used nonce are refused (401). Amounts are integer fen. See docs/bank-integration.md.',
    },
    paths: Object.fromEntries(Object.entries(document.paths).filter(([path]) => isBankPath(path))),
  };
}
