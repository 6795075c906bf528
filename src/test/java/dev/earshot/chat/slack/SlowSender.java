package dev.earshot.chat.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw client on 127.0.0.1 that writes what it is told and then stalls, as an attacker would:
 * headers announcing a body, two bytes of it, and nothing more. It reads the answer, if any.
 */
final class SlowSender implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean closed;

    private SlowSender(int port, String written) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(1);
            in = socket.getInputStream();
            socket.getOutputStream().write(written.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headers as a request signed now would have them (a made-up signature of the right shape), and the first bytes. */
    static SlowSender signedLooking(int port, long now, long contentLength, String firstBytes) {
        return new SlowSender(port, head(now, "v0=" + "ab".repeat(32), contentLength) + firstBytes);
    }

    /** Any headers and the first bytes. */
    static SlowSender raw(int port, String written) {
        return new SlowSender(port, written);
    }

    static String head(long timestamp, String signature, long contentLength) {
        return "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + (timestamp < 0 ? "" : "X-Slack-Request-Timestamp: " + timestamp + "\r\n")
                + (signature == null ? "" : "X-Slack-Signature: " + signature + "\r\n")
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** Reads what has arrived without waiting; true once the server answered or closed the connection. */
    synchronized boolean settled() {
        try {
            byte[] buffer = new byte[512];
            while (!closed) {
                int n = in.read(buffer);
                if (n < 0) {
                    closed = true;
                } else {
                    received.write(buffer, 0, n);
                }
            }
        } catch (SocketTimeoutException e) {
            // nothing more for now
        } catch (IOException e) {
            closed = true; // reset
        }
        return closed || received.size() > 0;
    }

    /** The status code answered, or 0 when the connection was closed without one, -1 while nothing came. */
    synchronized int status() {
        settled();
        String text = received.toString(StandardCharsets.ISO_8859_1);
        if (text.startsWith("HTTP/1.1 ") && text.length() >= 12) {
            return Integer.parseInt(text.substring(9, 12));
        }
        return closed ? 0 : -1;
    }

    synchronized boolean closedByServer() {
        settled();
        return closed;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
