import { useId, type ReactNode } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A message key's text when the value needs a correction. */
  error?: string | undefined;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
}

/** A labelled text input whose error is announced and tied to it. */
export function TextField({ label, value, onChange, error, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        {...input}
      />
      {error === undefined ? null : (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `[value, text]`; the empty value is "not set". */
  options: readonly (readonly [string, string])[];
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled select, with an optional hint and error tied to it. */
export function SelectField({ label, value, onChange, options, hint, error }: SelectFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const described = [hint === undefined ? '' : hintId, error === undefined ? '' : errorId]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="text-input"
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={described === '' ? undefined : described}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
      {hint === undefined ? null : (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
