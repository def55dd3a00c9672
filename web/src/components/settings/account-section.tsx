import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../../api/auth.api";
import { useProfile } from "../../hooks/use-session";
import { useSignOut } from "../../hooks/use-sign-out";

export function AccountSection() {
  const stored = useProfile();
  const { data } = useQuery(meQuery());
  const profile = data ?? stored;
  const signOut = useSignOut();
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">Account</h2>
      <p className="account-line">
        {profile ? (
          <>
            Signed in as <strong>{profile.user.email}</strong> · {profile.tenant.name} ({profile.role})
          </>
        ) : (
          "\u00a0"
        )}
      </p>
      <button type="button" className="secondary" onClick={() => void signOut()}>
        Sign out
      </button>
    </section>
  );
}
