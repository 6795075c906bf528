package dev.earshot.source.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that answers every request with its headers and then a body that
 * misbehaves: one byte every {@code trickleMillis} of a long one, or bytes without end. It reads
 * the request only up to its blank line; what a client does with such an answer is the test.
 */
final class SlowServer implements AutoCloseable {
    enum Body { TRICKLE, ENDLESS }

    private final ServerSocket socket;
    private final Thread acceptor;
    final AtomicInteger requests = new AtomicInteger();

    SlowServer(Body body, long trickleMillis) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Thread t = new Thread(() -> answer(s, body, trickleMillis), "slow-server-answer");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "slow-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void answer(Socket s, Body body, long trickleMillis) {
        try (s) {
            var in = s.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            requests.incrementAndGet();
            OutputStream out = s.getOutputStream();
            if (body == Body.TRICKLE) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < 999; i++) {
                    Thread.sleep(trickleMillis);
                    out.write(' ');
                    out.flush();
                }
            } else {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (true) {
                    out.write(chunk);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up: what the test wants
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
