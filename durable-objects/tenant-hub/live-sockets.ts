// Which of the hub's sockets may stay open: each lives only as long as the access token it was opened (or last
// re-authenticated) with, and only while its session is not signed out.
import { SOCKET_CLOSE } from "@autoarr/contract";
import { SocketAttachment } from "./protocol";

type CloseReason = (typeof SOCKET_CLOSE)[keyof typeof SOCKET_CLOSE];

export function attachmentOf(socket: WebSocket): SocketAttachment | null {
  const parsed = SocketAttachment.safeParse(socket.deserializeAttachment());
  return parsed.success ? parsed.data : null;
}

export function closeSocket(socket: WebSocket, { code, reason }: CloseReason): void {
  try {
    socket.close(code, reason);
  } catch {
    // Already closed by the peer.
  }
}

/** Closes the sockets whose token has expired or whose attachment is unreadable; returns the others. */
export function closeExpired(sockets: WebSocket[], now: number): WebSocket[] {
  return sockets.filter((socket) => {
    const attachment = attachmentOf(socket);
    if (attachment && attachment.expiresAt > now) return true;
    closeSocket(socket, attachment ? SOCKET_CLOSE.tokenExpired : SOCKET_CLOSE.unknownSession);
    return false;
  });
}

/** Closes the sockets whose attachment matches; returns how many. */
export function closeWhere(sockets: WebSocket[], matches: (attachment: SocketAttachment) => boolean, why: CloseReason): number {
  let closed = 0;
  for (const socket of sockets) {
    const attachment = attachmentOf(socket);
    if (attachment && matches(attachment)) {
      closeSocket(socket, why);
      closed++;
    }
  }
  return closed;
}
