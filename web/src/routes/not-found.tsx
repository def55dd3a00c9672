import { Link } from "wouter";
import { PageHeading } from "../components/page-heading";

export default function NotFoundScreen() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>
        There's nothing at this address. <Link href="/">Go home</Link>
      </p>
    </>
  );
}
