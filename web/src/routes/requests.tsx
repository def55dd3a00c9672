import { PageHeading } from "../components/page-heading";
import { RequestForm } from "../components/requests/request-form";
import { RequestList } from "../components/requests/request-list";

export default function RequestsScreen() {
  return (
    <>
      <PageHeading title="Requests" />
      <RequestForm />
      <RequestList />
    </>
  );
}
