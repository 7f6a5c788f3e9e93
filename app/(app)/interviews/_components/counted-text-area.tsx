"use client";

import { useState, type ComponentProps } from "react";
import { TextAreaField } from "@/components/form-fields";

type Props = Omit<ComponentProps<typeof TextAreaField>, "maxLength" | "defaultValue" | "hint"> & {
  maxLength: number;
  defaultValue: string;
  hint?: string;
};

// The browser stops typing at maxLength; the count says how close that is, so
// a pasted remark that was cut short does not go unnoticed.
export function CountedTextArea({ maxLength, defaultValue, hint, onChange, ...field }: Props) {
  const [length, setLength] = useState(defaultValue.length);
  // a paste longer than the limit is cut by the browser: say so, not just the number
  const count = length >= maxLength ? `${length} of ${maxLength} characters, the limit: text past it was not kept` : `${length} of ${maxLength} characters`;
  return (
    <TextAreaField
      {...field}
      maxLength={maxLength}
      defaultValue={defaultValue}
      onChange={(event) => {
        setLength(event.currentTarget.value.length);
        onChange?.(event);
      }}
      hint={hint ? `${hint} ${count}.` : `${count}.`}
    />
  );
}
