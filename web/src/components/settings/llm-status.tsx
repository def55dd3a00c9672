import { useQuery } from "@tanstack/react-query";
import { llmSettingsQuery } from "../../api/settings.api";
import { QueryView } from "../query-view";
import { SkeletonList } from "../skeleton";

export function LlmStatus() {
  const query = useQuery(llmSettingsQuery());
  return (
    <section aria-labelledby="llm-heading">
      <h2 id="llm-heading">Language model</h2>
      <QueryView query={query} loading={<SkeletonList rows={1} rowHeight={24} label="Checking language model key" />}>
        {({ configured }) => (
          <p>
            <span className={`pill pill--${configured ? "good" : "idle"}`}>{configured ? "Key configured" : "No key configured"}</span>{" "}
            {configured
              ? "Audits and requests can use the language model. The key itself is never shown."
              : "Audits and requests use built-in rules only."}
          </p>
        )}
      </QueryView>
    </section>
  );
}
