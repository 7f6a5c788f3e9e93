"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { MAX_IMPORT_LABEL } from "@/lib/data-transfer/upload-text";
import { importJsonAction } from "./actions";
import { FileField } from "./file-field";

export function ImportJsonForm() {
  const [state, action] = useActionState(importJsonAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-3">
      <FileField
        id="import-json-file"
        label="Afterview export (.json)"
        accept=".json,application/json"
        hint={`The file from "Download everything (JSON)", at most ${MAX_IMPORT_LABEL}. Opportunities you already have are skipped.`}
        errors={state.fieldErrors?.file}
      />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Importing…">Import the export</SubmitButton>
    </form>
  );
}
