import { useId, type Ref } from 'react';

interface ReflectionFieldProps {
  ref: Ref<HTMLTextAreaElement>;
  label: string;
  hint: string;
  /** Shown under the field, and announced with it, when the field is invalid. */
  error: string | undefined;
  value: string;
  /** The most the server accepts (core/wire/completion.ts). */
  maxLength: number;
  onChange: (value: string) => void;
}

/** A required textarea with its label, hint and error, all tied to it for screen readers. */
export function ReflectionField({
  ref,
  label,
  hint,
  error,
  value,
  maxLength,
  onChange,
}: ReflectionFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <textarea
        ref={ref}
        id={id}
        className="text-input"
        rows={3}
        required
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}
        value={value}
        maxLength={maxLength}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">✗ </span>
          {error}
        </p>
      )}
    </div>
  );
}
