// A number input that keeps what the user types and commits values in range.
import { useEffect, useState } from 'react';

interface Props {
  name: string;
  value: number;
  min: number;
  max: number;
  step: number;
  disabled?: boolean;
  onCommit: (v: number) => void;
}

export function NumberField({ name, value, min, max, step, disabled, onCommit }: Props) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value ? t : String(value)));
  }, [value]);
  const ok = (v: number) => Number.isFinite(v) && v >= min && v <= max;
  return (
    <input
      type="number" name={name} min={min} max={max} step={step} disabled={disabled} value={text}
      aria-invalid={!ok(Number(text))}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && ok(v) && v !== value) onCommit(v);
      }}
      onBlur={() => setText(String(value))}
    />
  );
}
