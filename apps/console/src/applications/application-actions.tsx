import { type FormEvent, useRef, useState } from 'react';

import { PERMISSIONS, rolesAllow } from '@app/contracts/identity/permissions';
import { EVIDENCE_LABELS, type EvidenceType } from '@app/contracts/intake/evidence-types';

import type { ApplicationView } from './application.types';
import type { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { CodeSelect, Field, Section, TextField } from '../common/field';
import { beijingMinute } from '../common/labels';
import { useCommand } from '../common/use-command';
import { useSession } from '../session/use-session';

const ENDED = ['APPROVED', 'REJECTED', 'TERMINATED', 'WITHDRAWN'];

/**
 * What staff do to an application besides deciding its task: its evidence (listed; uploaded while it is open), an
 * objection received during publicity (公示异议), and a withdrawal at the applicant's request. Each is offered only
 * to a role the gateway allows it, and only while it can apply; the gateway still checks, and its refusal shows.
 */
export function ApplicationActions({ view, onChanged }: { view: ApplicationView; onChanged: () => void }) {
  const session = useSession();
  const roles = session?.account.roles ?? [];
  const { application, progress } = view;
  const open = !ENDED.includes(application.status) && application.status !== 'DRAFT';
  const canCreate = rolesAllow(roles, PERMISSIONS.applicationCreate);
  return (
    <>
      <h2>证明材料</h2>
      {application.attachments.length === 0 ? (
        <p className="empty">尚未上传证明材料。</p>
      ) : (
        <table className="attachments">
          <thead>
            <tr>
              <th>材料类型</th>
              <th>文件名</th>
              <th>上传人</th>
              <th>上传时间</th>
            </tr>
          </thead>
          <tbody>
            {application.attachments.map((attachment) => (
              <tr key={attachment.id}>
                <td>{EVIDENCE_LABELS[attachment.evidenceType]}</td>
                <td>{attachment.originalName}</td>
                <td>{attachment.uploadedBy}</td>
                <td>{beijingMinute(new Date(attachment.uploadedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canCreate && open && <EvidenceUpload applicationId={application.id} onUploaded={onChanged} />}
      {rolesAllow(roles, PERMISSIONS.objectionRecord) && progress?.stage === 'PUBLICITY' && (
        <Objection applicationId={application.id} onRecorded={onChanged} />
      )}
      {canCreate && open && <Withdrawal applicationId={application.id} onWithdrawn={onChanged} />}
    </>
  );
}

function EvidenceUpload({ applicationId, onUploaded }: { applicationId: string; onUploaded: () => void }) {
  const [type, setType] = useState<EvidenceType>('INCOME_PROOF');
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const upload = (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    const form = new FormData();
    form.set('evidenceType', type);
    if (chosen) {
      form.set('file', chosen);
    }
    setBusy(true);
    setError(undefined);
    api(`/applications/${applicationId}/attachments`, { method: 'POST', form }).then(
      () => {
        setBusy(false);
        if (file.current) {
          file.current.value = '';
        }
        onUploaded();
      },
      (failure: ApiError) => {
        setError(failure);
        setBusy(false);
      },
    );
  };
  return (
    <form className="filters" onSubmit={upload} aria-label="上传证明材料">
      <CodeSelect label="材料类型" labels={EVIDENCE_LABELS} value={type} onChange={setType} />
      <Field label="文件（PDF、JPEG、PNG或OFD）">
        <input ref={file} type="file" accept=".pdf,.jpg,.jpeg,.png,.ofd" />
      </Field>
      <button type="submit" disabled={busy}>
        上传
      </button>
      <ErrorBox error={error} />
    </form>
  );
}

/** An objection during publicity: the case goes back to the community for a new opinion (and an appraisal). */
function Objection({ applicationId, onRecorded }: { applicationId: string; onRecorded: () => void }) {
  const [summary, setSummary] = useState('');
  const command = useCommand();
  const { error } = command;
  const record = (event: FormEvent) => {
    event.preventDefault();
    void command
      .send(`/applications/${applicationId}/objections`, { method: 'POST', body: { summary: summary.trim() } })
      .then((recorded) => recorded !== undefined && onRecorded());
  };
  return (
    <form onSubmit={record} aria-label="登记公示异议">
      <Section title="公示异议">
        <TextField
          label="异议内容（谁、何时、反映什么）"
          kind="text"
          value={summary}
          onChange={(text) => {
            command.changed();
            setSummary(text);
          }}
          errors={command.errorsOf('summary')}
        />
        <ErrorBox error={error} />
        <button type="submit">登记异议</button>
      </Section>
    </form>
  );
}

/** A withdrawal at the applicant's request: the chain ends without a decision on eligibility. */
function Withdrawal({ applicationId, onWithdrawn }: { applicationId: string; onWithdrawn: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const withdraw = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    api(`/applications/${applicationId}/withdraw`, { method: 'POST', body: { reason: reason.trim() } }).then(
      onWithdrawn,
      setError,
    );
  };
  return (
    <form onSubmit={withdraw} aria-label="撤回申请">
      <Section title="申请人撤回申请">
        <TextField label="撤回原因" value={reason} onChange={setReason} errors={error?.messagesOf('reason')} />
        <ErrorBox error={error} />
        <button type="submit">撤回申请</button>
      </Section>
    </form>
  );
}
