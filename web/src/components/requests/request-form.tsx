import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { RequestPage } from "../../api/api-types";
import { queryKeys } from "../../api/query-keys";
import { createRequest } from "../../api/requests.api";
import { useDebouncedValue } from "../../hooks/use-debounced-value";
import { FormAlert } from "../form-alert";
import { ParsedUnderstanding } from "./parsed-understanding";

export function RequestForm() {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [query, setQuery] = useState("");
  const debouncedQuery = useDebouncedValue(query, 400);
  const mutation = useMutation({
    mutationFn: createRequest,
    onSuccess: (request) => {
      setQuery("");
      queryClient.setQueryData<RequestPage>(queryKeys.requests.list, (page) =>
        page ? { ...page, items: [request, ...page.items.filter((item) => item.id !== request.id)] } : page,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests.list });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) mutation.mutate(query.trim());
  };

  return (
    <form onSubmit={submit} className="request-form">
      <label htmlFor={inputId}>What do you want to watch?</label>
      <fieldset role="group">
        <input
          id={inputId}
          name="query"
          type="search"
          enterKeyHint="send"
          autoComplete="off"
          required
          maxLength={500}
          placeholder="e.g. The Expanse season 2 in 1080p"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending || !query.trim()}>
          Request
        </button>
      </fieldset>
      <ParsedUnderstanding query={debouncedQuery} />
      <FormAlert error={mutation.error} />
    </form>
  );
}
