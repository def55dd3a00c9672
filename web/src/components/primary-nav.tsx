import { Link, useRoute } from "wouter";

const DESTINATIONS = [
  { href: "/", label: "Home", icon: "⌂" },
  { href: "/requests", label: "Requests", icon: "＋" },
  { href: "/audit", label: "Audit", icon: "✓" },
  { href: "/activity", label: "Activity", icon: "≡" },
  { href: "/settings", label: "Settings", icon: "⚙" },
] as const;

function NavLink({ href, label, icon }: (typeof DESTINATIONS)[number]) {
  const [active] = useRoute(href);
  return (
    <li>
      <Link href={href} aria-current={active ? "page" : undefined}>
        <span className="primary-nav__icon" aria-hidden="true">{icon}</span>
        <span>{label}</span>
      </Link>
    </li>
  );
}

export function PrimaryNav() {
  return (
    <nav className="primary-nav" aria-label="Main">
      <ul>
        {DESTINATIONS.map((destination) => (
          <NavLink key={destination.href} {...destination} />
        ))}
      </ul>
    </nav>
  );
}
