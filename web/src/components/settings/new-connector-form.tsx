import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { CreatedConnector } from "../../api/api-types";
import { createConnector } from "../../api/connectors.api";
import { queryKeys } from "../../api/query-keys";
import { fieldErrors } from "../field-errors";
import { FormAlert } from "../form-alert";
import { TextField } from "../text-field";

export function NewConnectorForm({ onCreated }: { onCreated: (created: CreatedConnector) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const mutation = useMutation({
    mutationFn: createConnector,
    onSuccess: async (created) => {
      setName("");
      setUrl("");
      onCreated(created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.connectors });
    },
  });
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ name, url });
  };

  return (
    <form onSubmit={submit} aria-labelledby="new-connector-heading">
      <h3 id="new-connector-heading">Add a connector</h3>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={80}
        placeholder="Home server"
        error={errors.name}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label="Connector URL"
        name="url"
        type="url"
        required
        inputMode="url"
        placeholder="https://connector.example.com"
        hint="Where AutoArr can reach the connector."
        error={errors.url}
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <FormAlert error={Object.keys(errors).length ? null : mutation.error} />
      <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
        Create connector
      </button>
    </form>
  );
}
