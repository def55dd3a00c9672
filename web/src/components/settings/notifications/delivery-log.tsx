// A channel's delivery log, newest first: what was sent, how it went, and what the service answered.
import { useQuery } from "@tanstack/react-query";
import type { NotificationChannel } from "../../../api/api-types";
import { channelDeliveriesQuery } from "../../../api/notifications.api";
import { EmptyState } from "../../empty-state";
import { QueryView } from "../../query-view";
import { RelativeTime } from "../../relative-time";
import { SkeletonList } from "../../skeleton";
import { DELIVERY_STATUS_LABELS, deliveryEventLabel } from "./event-labels";

export function DeliveryLog({ channel, id }: { channel: NotificationChannel; id: string }) {
  const query = useQuery(channelDeliveriesQuery(channel.id));
  return (
    <div id={id}>
      <QueryView
        query={query}
        loading={<SkeletonList rows={2} rowHeight={40} label="Loading the delivery log" />}
        isEmpty={(data) => data.deliveries.length === 0}
        empty={<EmptyState title="Nothing sent yet">Send a test to see how this channel answers.</EmptyState>}
      >
        {(data) => (
          <div className="overflow-auto">
            <table className="striped">
              <caption>Delivery log for {channel.name}</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Status</th>
                  <th scope="col">Tries</th>
                  <th scope="col">Answer</th>
                </tr>
              </thead>
              <tbody>
                {data.deliveries.map((delivery) => {
                  const status = DELIVERY_STATUS_LABELS[delivery.status];
                  return (
                    <tr key={delivery.id}>
                      <td>
                        <RelativeTime iso={delivery.createdAt} />
                      </td>
                      <td>
                        {deliveryEventLabel(delivery.event)}: {delivery.title}
                      </td>
                      <td>
                        <span className={`pill pill--${status.tone}`}>{status.label}</span>
                        {delivery.status === "retrying" && delivery.nextAttemptAt ? (
                          <>
                            {" "}
                            next <RelativeTime iso={delivery.nextAttemptAt} />
                          </>
                        ) : null}
                      </td>
                      <td>{delivery.attempts}</td>
                      <td>{[delivery.httpStatus === null ? null : `HTTP ${delivery.httpStatus}`, delivery.answer].filter(Boolean).join(" · ") || "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </div>
  );
}
