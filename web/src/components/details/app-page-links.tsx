// "Open in Sonarr" and the like: the app's own page for the item, built from the app's base URL the connector reports.
import { useQuery } from "@tanstack/react-query";
import { appLinksQuery } from "../../api/details.api";
import { appPagesFor, type PageTarget } from "./app-pages";

/** The item's pages in its apps, from the apps' base URLs (fetched when the details open) and the item's ids only. */
export function AppPageLinks({ targets }: { targets: readonly PageTarget[] }) {
  const query = useQuery({ ...appLinksQuery(), enabled: targets.length > 0 });
  const links = query.data ? appPagesFor(targets, query.data.apps) : [];
  if (links.length === 0) return null;
  return (
    <ul className="details-links" aria-label="Open in the app">
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
