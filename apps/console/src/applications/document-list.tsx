import { useState } from 'react';

import type { DocumentReply } from '@app/contracts/archive/document.reply';

import { HANDLING_PURPOSE } from './application.types';
import type { ApiError } from '../api/api-error';
import { download } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { beijingMinute } from '../common/labels';

/** The application's items in the household file, each opened as its PDF (the read is logged with its purpose). */
export function DocumentList({
  documents,
  purpose = HANDLING_PURPOSE,
}: {
  documents: DocumentReply[];
  /** Why the documents are read (logged); the application's page reads them to handle its task. */
  purpose?: string;
}) {
  const [error, setError] = useState<ApiError>();
  const open = (document: DocumentReply) => {
    setError(undefined);
    download(`/documents/${document.id}/content`, purpose).then(
      (blob) => window.open(URL.createObjectURL(blob), '_blank', 'noopener'),
      setError,
    );
  };
  if (documents.length === 0) {
    return <p className="empty">尚无归档材料。</p>;
  }
  return (
    <>
      <ErrorBox error={error} />
      <table className="documents">
        <thead>
          <tr>
            <th>件号</th>
            <th>题名</th>
            <th>档号</th>
            <th>归档时间</th>
            <th>页数</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} data-document-type={document.documentType}>
              <td>{document.itemNo}</td>
              <td>{document.title}</td>
              <td>{document.referenceCode}</td>
              <td>{beijingMinute(new Date(document.filedAt))}</td>
              <td>{document.pageCount ?? '—'}</td>
              <td>
                <button type="button" className="link" onClick={() => open(document)}>
                  查看
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
