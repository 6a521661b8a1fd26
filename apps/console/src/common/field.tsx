import type { ReactNode } from 'react';

/** A labelled input with the gateway's messages for it underneath. */
export function Field({ label, errors = [], children }: { label: string; errors?: string[]; children: ReactNode }) {
  return (
    <label className={errors.length > 0 ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {children}
      {errors.map((message) => (
        <span key={message} className="field-error">
          {message}
        </span>
      ))}
    </label>
  );
}
