package dev.hookgen.examples.receiver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket on loopback, byte by byte where a test needs it: what a hostile or unusual client
 * sends (slow heads and bodies, odd methods, chunked trailers, {@code Expect: 100-continue}), which
 * {@code java.net.http} will not produce.
 */
final class RawClient implements AutoCloseable {

    /** A response head and its body (by {@code Content-Length}). */
    record Answer(String statusLine, Map<String, String> headers, String body) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    final Socket socket;

    private final InputStream in;

    private final OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** The head of a request, ending in the empty line. */
    static String head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    static String authorization() {
        return "Authorization: " + TestReceiver.basic(TestReceiver.USER, TestReceiver.PASSWORD);
    }

    RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response: its status line, headers and {@code Content-Length} body. */
    Answer read() throws IOException {
        String statusLine = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Answer(statusLine, headers, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Waits up to {@code millis} for the server to close the connection: true when it did (end of stream or a
     * reset), false when it was still open at the end. Anything the server sent meanwhile is skipped.
     */
    boolean closedByServerWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (in.read() >= 0) {
                // skip
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection; got " + line.toString(StandardCharsets.ISO_8859_1));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
