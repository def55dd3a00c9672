import { Link, useRoute } from "wouter";
import { NavIcon, type NavIconName } from "./nav-icon";

const DESTINATIONS: { href: string; label: string; icon: NavIconName }[] = [
  { href: "/", label: "Home", icon: "home" },
  { href: "/requests", label: "Requests", icon: "requests" },
  { href: "/audit", label: "Audit", icon: "audit" },
  { href: "/activity", label: "Activity", icon: "activity" },
  { href: "/settings", label: "Settings", icon: "settings" },
];

function NavLink({ href, label, icon }: (typeof DESTINATIONS)[number]) {
  const [active] = useRoute(href);
  return (
    <li>
      <Link href={href} aria-current={active ? "page" : undefined}>
        <NavIcon name={icon} />
        <span>{label}</span>
      </Link>
    </li>
  );
}

// On phones this sits fixed at the bottom, within reach of a thumb; from tablet width up it is a bar under the header.
export function PrimaryNav() {
  return (
    <nav className="primary-nav" aria-label="Main">
      <ul className="container">
        {DESTINATIONS.map((destination) => (
          <NavLink key={destination.href} {...destination} />
        ))}
      </ul>
    </nav>
  );
}
