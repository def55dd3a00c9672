import type { ReactNode } from "react";
import { useDocumentTitle } from "../hooks/use-document-title";

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-heading">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
