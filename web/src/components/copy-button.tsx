import { useState } from "react";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <>
      <button type="button" className="secondary copy-button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-button__status" role="status">
        {copied === "copied" ? "Copied" : copied === "failed" ? "Copy failed — select the text instead" : ""}
      </span>
    </>
  );
}
