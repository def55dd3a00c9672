// Candidate titles with posters when a request matched more than one; the chosen one becomes the request.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { MediaRequest, RequestOption, RequestPage } from "../../api/api-types";
import { queryKeys } from "../../api/query-keys";
import { chooseOption } from "../../api/requests.api";
import { FormAlert } from "../form-alert";

/** The poster, or the title on a plain card in the same space when there is none or it cannot load (never a broken image). */
function Poster({ url, title, name }: { url: string | null | undefined; title: string; name: string }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (!url || failedUrl === url) {
    return (
      <div className="poster-placeholder" role="img" aria-label={title}>
        <span aria-hidden="true">{title}</span>
      </div>
    );
  }
  return <img src={url} alt={`Poster for ${name}`} width={200} height={300} loading="lazy" decoding="async" onError={() => setFailedUrl(url)} />;
}

function OptionCard({ option, onChoose, busy }: { option: RequestOption; onChoose: () => void; busy: boolean }) {
  const name = option.year ? `${option.title} (${option.year})` : option.title;
  return (
    <li className="option-card">
      <Poster url={option.posterUrl} title={option.title} name={name} />
      <strong>{name}</strong>
      <small>
        {option.type === "tv" ? "TV series" : "Movie"}
        {option.inLibrary ? " · already in your library" : ""}
      </small>
      {option.overview ? <small className="option-card__overview">{option.overview}</small> : null}
      <button type="button" onClick={onChoose} aria-busy={busy || undefined} disabled={busy} aria-label={`Choose ${name}`}>
        Choose
      </button>
    </li>
  );
}

export function OptionCards({ request }: { request: MediaRequest }) {
  const queryClient = useQueryClient();
  const choose = useMutation({
    mutationFn: (optionId: string) => chooseOption(request.id, optionId),
    onSuccess: (updated) => {
      queryClient.setQueryData<RequestPage>(queryKeys.requests.list, (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) } : page,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    },
  });
  return (
    <>
      <p>Which one did you mean?</p>
      <ul className="option-grid">
        {(request.options ?? []).map((option) => (
          <OptionCard
            key={option.optionId}
            option={option}
            busy={choose.isPending && choose.variables === option.optionId}
            onChoose={() => choose.mutate(option.optionId)}
          />
        ))}
      </ul>
      <FormAlert error={choose.error} />
    </>
  );
}
