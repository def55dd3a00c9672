// The signing secret AutoArr made for a new webhook channel, shown exactly once.
import { CopyButton } from "../../copy-button";
import { TextField } from "../../text-field";

export function RevealedSigningSecret({ channelName, secret, onDone }: { channelName: string; secret: string; onDone: () => void }) {
  return (
    <article className="pairing" aria-labelledby="signing-secret-heading">
      <h3 id="signing-secret-heading">Signing secret for “{channelName}”</h3>
      <p>
        Your receiver checks each request's signature with this secret. <strong>It is shown only once</strong> — copy it now.
      </p>
      <TextField
        label="Signing secret"
        name="signingSecret"
        readOnly
        spellCheck={false}
        autoComplete="off"
        value={secret}
        onFocus={(event) => event.target.select()}
      />
      <div className="button-row">
        <CopyButton text={secret} label="Copy secret" />
        <button type="button" className="outline" onClick={onDone}>
          I've copied it
        </button>
      </div>
    </article>
  );
}
