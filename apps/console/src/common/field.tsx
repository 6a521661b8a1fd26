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

/**
 * A labelled select of one code list, its options in the list's Chinese (`{ CODE: '中文' }`); `blank` adds an empty
 * first option (not chosen, or not recorded).
 */
export function CodeSelect<C extends string>({
  label,
  labels,
  value,
  onChange,
  errors,
  blank,
  name,
}: {
  label: string;
  labels: Readonly<Record<C, string>>;
  value: C | '';
  onChange: (value: C) => void;
  errors?: string[];
  blank?: string;
  name?: string;
}) {
  return (
    <Field label={label} errors={errors}>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value as C)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {(Object.entries(labels) as Array<[C, string]>).map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** line: one line of text; text: several lines; count, decimal: digits (the phone's number pad); date: a day. */
export type TextKind = 'line' | 'text' | 'count' | 'decimal' | 'date';

/** A labelled text input of one kind, handing its text to `onChange`. */
export function TextField({
  label,
  name,
  value,
  onChange,
  kind = 'line',
  errors,
}: {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  kind?: TextKind;
  errors?: string[];
}) {
  return (
    <Field label={label} errors={errors}>
      {kind === 'text' ? (
        <textarea name={name} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          name={name}
          type={kind === 'date' ? 'date' : 'text'}
          inputMode={kind === 'count' ? 'numeric' : kind === 'decimal' ? 'decimal' : undefined}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A part of a form sent only when switched on (its checkbox in the legend), or always when it has no switch. */
export function Section({
  title,
  on = true,
  onToggle,
  errors = [],
  children,
}: {
  title: string;
  on?: boolean;
  onToggle?: (on: boolean) => void;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <fieldset className={errors.length > 0 ? 'section invalid' : 'section'}>
      <legend>
        {onToggle ? (
          <label className="inline">
            <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} />
            {title}
          </label>
        ) : (
          title
        )}
      </legend>
      {on && children}
      {errors.map((message) => (
        <p key={message} className="field-error">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
