// "Send a test": sends one test message through the channel and says what the service answered.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NotificationDelivery } from "../../../api/api-types";
import { testNotificationChannel } from "../../../api/notifications.api";
import { queryKeys } from "../../../api/query-keys";
import { FormAlert } from "../../form-alert";

export function testOutcome(delivery: NotificationDelivery): { text: string; tone: "good" | "bad" | "warn" } {
  const answer = delivery.answer ?? (delivery.httpStatus === null ? "no answer" : `HTTP ${delivery.httpStatus}`);
  switch (delivery.status) {
    case "sent":
      return { text: "Sent", tone: "good" };
    case "retrying":
      return { text: `Not sent yet, AutoArr will try again: ${answer}`, tone: "warn" };
    case "held":
      return { text: "Held back by quiet hours", tone: "warn" };
    case "gone":
      return { text: `The service says this target no longer exists: ${answer}`, tone: "bad" };
    default:
      return { text: `Failed: ${answer}`, tone: "bad" };
  }
}

export function TestChannelButton({ channelId }: { channelId: string }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => testNotificationChannel(channelId),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.notifications.channels }),
        queryClient.invalidateQueries({ queryKey: queryKeys.notifications.deliveries(channelId) }),
      ]);
    },
  });
  const outcome = mutation.data ? testOutcome(mutation.data.delivery) : null;
  return (
    <>
      <button
        type="button"
        className="secondary compact"
        aria-busy={mutation.isPending || undefined}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        Send a test
      </button>
      <span role="status" className={outcome ? `test-outcome test-outcome--${outcome.tone}` : "test-outcome"}>
        {mutation.isPending ? "Sending…" : (outcome?.text ?? "")}
      </span>
      <FormAlert error={mutation.error} />
    </>
  );
}
