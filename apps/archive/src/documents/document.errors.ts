import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

export class DocumentError extends DomainError {
  static notFound(documentId: string): DocumentError {
    return new DocumentError(ErrorCode.NOT_FOUND, `document ${documentId} not found`, `未找到档案文件：${documentId}`);
  }

  static keyReused(idempotencyKey: string): DocumentError {
    return new DocumentError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      `idempotency key ${idempotencyKey} was used for a different document`,
      '该幂等键已用于归档另一份内容不同的文件',
    );
  }

  static blobMissing(sha256: string): DocumentError {
    return new DocumentError(
      ErrorCode.INTERNAL,
      `blob ${sha256} missing from the store`,
      '档案文件内容缺失，请联系档案管理员',
    );
  }

  static blobCorrupt(sha256: string): DocumentError {
    return new DocumentError(
      ErrorCode.VALIDATION_FAILED,
      `stored evidence ${sha256} no longer matches its hash`,
      '证明材料在档案库中已损坏，请重新上传',
      [{ field: 'evidence.sha256', messages: ['档案库中该文件的内容与校验值不符'] }],
    );
  }

  static typeMismatch(declared: string, actual: string): DocumentError {
    return new DocumentError(
      ErrorCode.VALIDATION_FAILED,
      `content declared ${declared} is ${actual}`,
      `文件内容与声明的类型不符：声明为${declared}，实际为${actual}`,
      [{ field: 'evidence.mediaType', messages: [`文件内容实际为${actual}`] }],
    );
  }

  static destroyed(referenceCode: string): DocumentError {
    return new DocumentError(
      ErrorCode.NOT_FOUND,
      `file ${referenceCode} was destroyed`,
      `档案${referenceCode}已按处置决定销毁，内容不再保存（见销毁清册）`,
    );
  }

  static supersedeRefused(documentId: string, why: string): DocumentError {
    return new DocumentError(ErrorCode.VALIDATION_FAILED, `cannot supersede ${documentId}: ${why}`, why, [
      { field: 'supersedesDocumentId', messages: [why] },
    ]);
  }
}
