import type { ApiError } from '../api/api-error';

/** A refusal as the gateway said it: its message, and each refused field with its messages. */
export function ErrorBox({ error }: { error: ApiError | undefined }) {
  if (!error) {
    return null;
  }
  return (
    <div className="error" role="alert">
      <strong>{error.message}</strong>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={detail.field}>
              <code>{detail.field}</code>：{detail.messages.join('；')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
